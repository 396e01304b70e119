package dev.strata.matrix.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.matrix.core.plan.PlanResult;
import dev.strata.matrix.core.plan.RunAllReason;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunPlansTest {
  private static final RunId RUN = RunId.of("run1");
  private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

  private static final LinuxEntry KOKORO_AMD =
      linux("-cpu-kokoro", "amd64", "kokoro", "ubuntu-latest", "auto");
  private static final LinuxEntry KOKORO_ARM =
      linux("-cpu-kokoro", "arm64", "kokoro", "ubuntu-24.04-arm", "false");
  private static final LinuxEntry PIPER = linux("-cpu-piper", "", "piper", "ubuntu-latest", "");
  private static final LinuxEntry UNTAGGED = linux("", "", "tool", "ubuntu-latest", "auto");

  private static LinuxEntry linux(
      String suffix, String platformTag, String backend, String runsOn, String tagLatest) {
    Map<String, Scalar> f = new LinkedHashMap<>();
    f.put("tag-suffix", Scalar.string(suffix));
    if (!platformTag.isEmpty()) {
      f.put("platform-tag", Scalar.string(platformTag));
    }
    if (!tagLatest.isEmpty()) {
      f.put("tag-latest", Scalar.string(tagLatest));
    }
    f.put("runs-on", Scalar.string(runsOn));
    f.put("backend", Scalar.string(backend));
    return new LinuxEntry(f);
  }

  private static DarwinEntry darwin(String backend) {
    Map<String, Scalar> f = new LinkedHashMap<>();
    f.put("backend", Scalar.string(backend));
    f.put("tag-suffix", Scalar.string("-metal-darwin-arm64-" + backend));
    return new DarwinEntry(f);
  }

  private static PlanResult result(
      List<LinuxEntry> linux, List<DarwinEntry> darwin, RunAllReason reason) {
    PlanResult.Decision decision =
        new PlanResult.Decision(
            reason != null,
            reason,
            1,
            List.of("python-common"),
            List.of(),
            false,
            null,
            null,
            linux.size(),
            darwin.size(),
            Set.of("kokoro"));
    return new PlanResult(
        0,
        List.of(),
        null,
        decision,
        new PlanResult.Selection(linux, darwin, List.of(KOKORO_AMD, KOKORO_ARM, PIPER, UNTAGGED)));
  }

  @Test
  void mergeGroup_listsEveryLegOfItsSuffix_evenUnselectedOnes() {
    RecordMatrix record =
        RunPlans.record(RUN, "backend", result(List.of(KOKORO_AMD), List.of(), null), AT);

    LegId amd = LegId.of("-cpu-kokoro@amd64");
    assertThat(record.mergeGroups())
        .containsExactly(
            new MergeGroup(
                TagSuffix.of("-cpu-kokoro"),
                "auto",
                List.of(amd),
                List.of(amd, LegId.of("-cpu-kokoro@arm64"))));
    assertThat(record.legs())
        .containsExactly(
            new PlannedLeg(
                amd,
                RunnerClass.of("ubuntu-latest"),
                TagSuffix.of("-cpu-kokoro"),
                false,
                KOKORO_AMD.fields()));
    assertThat(record.changedBackends()).containsExactly("kokoro");
    assertThat(record.rulesFired()).containsExactly("python-common");
  }

  @Test
  void tagLatest_isTheFirstSelectedLegs_andEmptyWhenAbsent() {
    RecordMatrix record =
        RunPlans.record(
            RUN, "backend", result(List.of(KOKORO_ARM, KOKORO_AMD, PIPER), List.of(), null), AT);

    assertThat(record.mergeGroups()).extracting(MergeGroup::tagLatest).containsExactly("false", "");
    assertThat(record.legs().get(2).legId()).isEqualTo(LegId.of("-cpu-piper@single"));
  }

  @Test
  void untaggedEntry_isBuilt_butHasNoMergeGroup() {
    RecordMatrix record =
        RunPlans.record(RUN, "backend", result(List.of(UNTAGGED), List.of(), null), AT);

    assertThat(record.legs()).extracting(PlannedLeg::mergeGroup).containsExactly(TagSuffix.NONE);
    assertThat(record.mergeGroups()).isEmpty();
  }

  @Test
  void darwinLeg_runsOnMacosLatest_andHasNoMergeGroup() {
    RecordMatrix record =
        RunPlans.record(
            RUN, "backend", result(List.of(), List.of(darwin("mlx")), RunAllReason.TAG_PUSH), AT);

    PlannedLeg leg = record.legs().get(0);
    assertThat(leg.legId()).isEqualTo(LegId.of("darwin:mlx"));
    assertThat(leg.runnerClass()).isEqualTo(RunnerClass.MACOS_LATEST);
    assertThat(leg.darwin()).isTrue();
    assertThat(leg.mergeGroup()).isEqualTo(TagSuffix.of("-metal-darwin-arm64-mlx"));
    assertThat(record.mergeGroups()).isEmpty();
    assertThat(record.runAll()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "FORCE_ALL, force-all",
    "TAG_PUSH, tag-push",
    "NO_REF, no-ref",
    "MISSING_RANGE, missing-range",
    "ZERO_BEFORE, zero-before",
    "CHANGED_FILES_UNAVAILABLE, changed-files-unavailable",
    "TRUNCATED, truncated"
  })
  void runAllReason_isWrittenInKebabCase(RunAllReason reason, String written) {
    assertThat(RunPlans.reason(reason)).isEqualTo(written);
  }

  @Test
  void filteredPlan_hasAnEmptyReason() {
    assertThat(RunPlans.reason(null)).isEmpty();
  }

  @Test
  void failedPlan_cannotBeRecorded() {
    PlanResult failed = new PlanResult(1, List.of(), "no matrix", null, null);

    assertThatThrownBy(() -> RunPlans.record(RUN, "backend", failed, AT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run1");
  }
}
