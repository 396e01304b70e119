package dev.strata.merge.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.trigger.api.RunId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergePlannerTest {
  private static final RunId RUN = RunId.of("200");
  private static final RunId EARLIER = RunId.of("100");
  private static final LegId AMD = LegId.of("-cpu-vllm@amd64");
  private static final LegId ARM = LegId.of("-cpu-vllm@arm64");

  private static Digest digest(String leg, String run) {
    String hex = Integer.toHexString((leg + run).hashCode() & 0xfffffff);
    return new Digest("sha256:" + "0".repeat(64 - hex.length()) + hex);
  }

  private static LegId leg(String pt) {
    return LegId.of("-cpu-vllm@" + pt);
  }

  private static List<LegId> legs(String csv) {
    return csv == null
        ? List.of()
        : Arrays.stream(csv.split(",")).map(MergePlannerTest::leg).toList();
  }

  private static GroupFacts facts(String selected, String pushed, String failed, String previous) {
    Map<LegId, Digest> pushedMap = new LinkedHashMap<>();
    legs(pushed).forEach(l -> pushedMap.put(l, digest(l.value(), RUN.value())));
    Map<LegId, String> failedMap = new LinkedHashMap<>();
    legs(failed).forEach(l -> failedMap.put(l, "build: exit code 1"));
    Map<LegId, MergeSource> previousMap = new LinkedHashMap<>();
    legs(previous)
        .forEach(
            l ->
                previousMap.put(
                    l, new MergeSource(l, digest(l.value(), EARLIER.value()), EARLIER)));
    MergeGroup group =
        new MergeGroup(TagSuffix.of("-cpu-vllm"), "auto", legs(selected), List.of(AMD, ARM));
    return new GroupFacts(
        RUN, false, false, group, false, null, pushedMap, failedMap, previousMap, null);
  }

  @ParameterizedTest(name = "selected={0} pushed={1} failed={2} previous={3} -> {4} {5}")
  @CsvSource(
      delimiter = '|',
      nullValues = "",
      textBlock =
          """
          amd64,arm64 | amd64,arm64 |       |             | Merge | 200,200
          amd64,arm64 | amd64       |       |             | Wait  | arm64
          amd64,arm64 |             |       |             | Wait  | amd64,arm64
          amd64,arm64 | amd64       | arm64 |             | Defer | arm64
          amd64,arm64 |             | amd64 | amd64,arm64 | Defer | amd64
          amd64       | amd64       |       | arm64       | Merge | 200,100
          arm64       | arm64       |       | amd64       | Merge | 100,200
          amd64       | amd64       |       |             | Defer | arm64
          amd64,arm64 | amd64,arm64 |       | amd64,arm64 | Merge | 200,200
          amd64       | amd64       |       | amd64,arm64 | Merge | 200,100
          """)
  void decide_publishesOnlyCompleteIndexes(
      String selected, String pushed, String failed, String previous, String kind, String detail) {
    MergeDecision decision = MergePlanner.decide(facts(selected, pushed, failed, previous));

    assertThat(decision.getClass().getSimpleName()).isEqualTo(kind);
    if (decision instanceof MergeDecision.Merge m) {
      assertThat(m.sources()).extracting(MergeSource::legId).containsExactly(AMD, ARM);
      assertThat(m.sources())
          .extracting(s -> s.builtBy().value())
          .containsExactly(detail.split(","));
      assertThat(m.sources())
          .allSatisfy(
              s ->
                  assertThat(s.digest()).isEqualTo(digest(s.legId().value(), s.builtBy().value())));
    } else if (decision instanceof MergeDecision.Wait w) {
      assertThat(w.building()).isEqualTo(legs(detail));
    } else if (decision instanceof MergeDecision.Defer d) {
      assertThat(d.missing()).isEqualTo(legs(detail));
    }
  }

  @Test
  void failedLeg_defersWithItsReasonAndSaysTheTagsStay() {
    MergeDecision decision = MergePlanner.decide(facts("amd64,arm64", "amd64", "arm64", null));

    assertThat(((MergeDecision.Defer) decision).reason())
        .isEqualTo(
            "leg -cpu-vllm@arm64 failed: build: exit code 1 (a complete index needs every leg of"
                + " [-cpu-vllm@amd64, -cpu-vllm@arm64]; the published tags stay as they were)");
  }

  @Test
  void unbuiltLegWithoutHistory_defersNamingIt() {
    MergeDecision decision = MergePlanner.decide(facts("amd64", "amd64", null, null));

    assertThat(((MergeDecision.Defer) decision).reason())
        .startsWith("no digest was ever pushed on this ref for [-cpu-vllm@arm64]");
  }

  @Test
  void pullRequests_neverMerge() {
    GroupFacts pr = facts("amd64,arm64", "amd64,arm64", null, null);
    pr =
        new GroupFacts(
            RUN,
            true,
            false,
            pr.group(),
            false,
            null,
            pr.pushed(),
            pr.failed(),
            pr.previous(),
            null);

    assertThat(MergePlanner.decide(pr)).isInstanceOf(MergeDecision.Skip.class);
  }

  @Test
  void cancelledRunsAndMergedGroups_areSkipped() {
    GroupFacts f = facts("amd64,arm64", "amd64,arm64", null, null);
    GroupFacts cancelled =
        new GroupFacts(
            RUN, false, true, f.group(), false, null, f.pushed(), f.failed(), f.previous(), null);
    GroupFacts merged =
        new GroupFacts(
            RUN, false, false, f.group(), true, null, f.pushed(), f.failed(), f.previous(), null);

    assertThat(MergePlanner.decide(cancelled)).isInstanceOf(MergeDecision.Skip.class);
    assertThat(MergePlanner.decide(merged)).isInstanceOf(MergeDecision.Skip.class);
  }

  @Test
  void aLaterRunsMergeOfTheSameGroup_supersedesThisOne() {
    GroupFacts f = facts("amd64,arm64", "amd64,arm64", null, null);
    GroupFacts superseded =
        new GroupFacts(
            RUN,
            false,
            false,
            f.group(),
            false,
            null,
            f.pushed(),
            f.failed(),
            f.previous(),
            RunId.of("300"));

    MergeDecision decision = MergePlanner.decide(superseded);

    assertThat(((MergeDecision.Defer) decision).reason()).startsWith("superseded: run 300");
  }

  @Test
  void darwinLegs_areLeftToTheDarwinAgent() {
    LegId darwin = LegId.darwin("mlx");
    MergeGroup onlyDarwin =
        new MergeGroup(
            TagSuffix.of("-metal-darwin-arm64-mlx"), "auto", List.of(darwin), List.of(darwin));
    GroupFacts f =
        new GroupFacts(
            RUN, false, false, onlyDarwin, false, null, Map.of(), Map.of(), Map.of(), null);

    assertThat(MergePlanner.decide(f)).isInstanceOf(MergeDecision.Skip.class);
  }
}
