package dev.strata.matrix.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.FakeInputs;
import dev.strata.matrix.Fixtures;
import dev.strata.matrix.port.ChangeRange;
import dev.strata.matrix.port.ChangedFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DOMAIN.md 3.1: which events use a file list and which emit the full matrix. */
class RunAllDecisionTest {
  private static final Matrix MATRIX =
      new Matrix(
          List.of(
              Fixtures.linux("-cpu-vllm", "", "vllm", "python"),
              Fixtures.linux("-cpu-whisper", "", "whisper", "golang")),
          List.of(Fixtures.darwin("mlx", null)));

  private static FakeInputs inputs() {
    return new FakeInputs(MATRIX).files("backend/python/vllm/backend.py");
  }

  @Test
  void branchPush_filtersWithTheCompareList() {
    FakeInputs in = inputs();
    PlanResult result = Plans.plan(Plans.push(), Map.of("FORCE_ALL", "false"), in);

    assertThat(result.decision().runAll()).isFalse();
    assertThat(result.decision().linuxSelected()).isEqualTo(1);
    assertThat(in.asked).containsExactly(ChangeRange.push(Plans.BEFORE, Plans.AFTER));
  }

  @Test
  void forceAll_onABranchPush_runsAll_withoutAskingForFiles() {
    FakeInputs in = inputs();
    PlanResult result = Plans.plan(Plans.push(), Map.of("FORCE_ALL", "true"), in);

    assertThat(result.decision().reason()).isEqualTo(RunAllReason.FORCE_ALL);
    assertThat(Plans.outputs(result)).containsEntry("run-all", "true");
    assertThat(in.asked).isEmpty();
  }

  @Test
  void forceAllOtherThanTrue_isIgnored() {
    PlanResult result = Plans.plan(Plans.push(), Map.of("FORCE_ALL", "TRUE"), inputs());
    assertThat(result.decision().runAll()).isFalse();
  }

  @Test
  void pullRequest_alwaysUsesThePrFileList_evenWithForceAll() {
    FakeInputs in = inputs();
    PlanResult result = Plans.plan(Plans.pullRequest(), Map.of("FORCE_ALL", "true"), in);

    assertThat(result.decision().runAll()).isFalse();
    assertThat(in.asked).containsExactly(ChangeRange.pullRequest(Plans.BEFORE, Plans.AFTER));
  }

  @Test
  void pullRequestWithoutAFileList_failsThePlan() {
    FakeInputs in = inputs();
    in.changed = new ChangedFiles.Unavailable("HTTP 502");
    PlanResult result = Plans.plan(Plans.pullRequest(), in);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.error()).contains("pull request").contains("HTTP 502");
    assertThat(result.outputs()).isEmpty();
  }

  @Test
  void pushWhoseListFailed_runsAll() {
    FakeInputs in = inputs();
    in.changed = new ChangedFiles.Unavailable("HTTP 502");
    PlanResult result = Plans.plan(Plans.push(), in);

    assertThat(result.decision().reason()).isEqualTo(RunAllReason.CHANGED_FILES_UNAVAILABLE);
  }

  @Test
  void tagPush_runsAll() {
    PlanResult result =
        Plans.plan(
            new GitHubEvent("refs/tags/v4.6.1", Plans.BEFORE, Plans.AFTER, false, null, null),
            inputs());
    assertThat(result.decision().reason()).isEqualTo(RunAllReason.TAG_PUSH);
    assertThat(Plans.outputs(result))
        .containsEntry("has-backends-darwin", "true")
        .containsEntry("vllm", "true");
  }

  @Test
  void schedule_hasNoRef_andRunsAll() {
    PlanResult result = Plans.plan(new GitHubEvent(null, null, null, false, null, null), inputs());
    assertThat(result.decision().reason()).isEqualTo(RunAllReason.NO_REF);
  }

  @Test
  void workflowDispatch_hasARefButNoBefore_andRunsAll() {
    PlanResult result =
        Plans.plan(new GitHubEvent("refs/heads/master", null, null, false, null, null), inputs());
    assertThat(result.decision().reason()).isEqualTo(RunAllReason.MISSING_RANGE);
  }

  @Test
  void zeroBefore_runsAll_withoutUsingTheList() {
    FakeInputs in = inputs();
    PlanResult result =
        Plans.plan(
            new GitHubEvent("refs/heads/master", Plans.ZERO, Plans.AFTER, false, null, null), in);

    assertThat(result.decision().reason()).isEqualTo(RunAllReason.ZERO_BEFORE);
    assertThat(in.asked).isEmpty();
  }

  @Test
  void pushListAtTheCompareCap_isTreatedAsTruncated_onlyFromATruncatingSource() {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      files.add("docs/page-" + i + ".md");
    }
    FakeInputs api = inputs();
    api.changed = new ChangedFiles.Listed(files, true);
    FakeInputs git = inputs();
    git.changed = new ChangedFiles.Listed(files, false);
    FakeInputs below = inputs();
    below.changed = new ChangedFiles.Listed(files.subList(0, 299), true);

    assertThat(Plans.plan(Plans.push(), api).decision().reason()).isEqualTo(RunAllReason.TRUNCATED);
    assertThat(Plans.plan(Plans.push(), git).decision().runAll()).isFalse();
    assertThat(Plans.plan(Plans.push(), below).decision().runAll()).isFalse();
  }

  @Test
  void pullRequestListAboveTheCap_isStillFiltered() {
    List<String> files = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      files.add("docs/page-" + i + ".md");
    }
    FakeInputs in = inputs();
    in.changed = new ChangedFiles.Listed(files, true);

    assertThat(Plans.plan(Plans.pullRequest(), in).decision().runAll()).isFalse();
  }
}
