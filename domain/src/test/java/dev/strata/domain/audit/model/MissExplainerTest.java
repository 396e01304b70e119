package dev.strata.domain.audit.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.audit.api.InputDifference;
import dev.strata.domain.audit.api.MissExplanation;
import dev.strata.domain.audit.api.MissExplanation.Verdict;
import dev.strata.domain.audit.model.Runs.Build;
import dev.strata.domain.audit.model.Runs.Leg;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code strata audit explain} over histories written through the aggregates. */
class MissExplainerTest {
  static final Instant MONDAY = Instant.parse("2026-11-09T10:00:00Z");
  static final Leg VLLM = Leg.python("-cpu-vllm", "amd64", "vllm");
  static final Leg HIPBLAS = Leg.python("-gpu-rocm-hipblas-vllm", "", "vllm");

  AggregateHistory history;
  Runs runs;

  @BeforeEach
  void setUp() {
    history = new AggregateHistory();
    runs = new Runs(history);
    runs.push("push1", MONDAY);
    runs.cleanRun("push1", MONDAY, false, List.of(VLLM), "2026-W46");
  }

  void secondPush(Instant at, Build build) {
    runs.push("push2", at);
    runs.plan("push2", at, false, List.of(VLLM));
    runs.build("push2", VLLM, at, build);
  }

  @Test
  void newDepsRefreshWeek_isNamedAsTheOnlyChangedInput() {
    Instant nextWeek = MONDAY.plus(Duration.ofDays(7));
    secondPush(nextWeek, Build.of(VLLM, "2026-W47").withSteps(6, 4));

    MissExplanation e = history.explain("push2", "-cpu-vllm@amd64");

    assertThat(e.verdict()).isEqualTo(Verdict.INPUTS_CHANGED);
    assertThat(e.differences())
        .containsExactly(new InputDifference("build-arg DEPS_REFRESH", "2026-W46", "2026-W47"));
    assertThat(e.lastWrite().run()).isEqualTo("push1");
    assertThat(e.lastWriteTrigger()).isEqualTo("PUSH");
    assertThat(e.firstExecutedStep()).isEqualTo("RUN step 0");
    assertThat(e.message()).contains("build-arg DEPS_REFRESH 2026-W46 → 2026-W47");
  }

  @Test
  void changedBaseImage_isNamedAsBuildArgAndBaseImage() {
    secondPush(MONDAY.plusSeconds(3600), Build.of(VLLM, "2026-W46").withBaseImage("ubuntu:26.04"));

    MissExplanation e = history.explain("push2", "-cpu-vllm@amd64");

    assertThat(e.verdict()).isEqualTo(Verdict.INPUTS_CHANGED);
    assertThat(e.differences())
        .containsExactly(
            new InputDifference("build-arg BASE_IMAGE", "ubuntu:24.04", "ubuntu:26.04"),
            new InputDifference("base image", "ubuntu:24.04", "ubuntu:26.04"));
  }

  @Test
  void evictedCacheRef_namesWhoEvictedIt() {
    runs.evict(
        "ev1", "registry", VLLM.cacheRef().toString(), "user:alice", MONDAY.plusSeconds(7200));
    secondPush(MONDAY.plusSeconds(9000), Build.of(VLLM, "2026-W46").withSteps(0, 12));

    MissExplanation e = history.explain("push2", "-cpu-vllm@amd64");

    assertThat(e.verdict()).isEqualTo(Verdict.EVICTED);
    assertThat(e.eviction().evictedBy()).isEqualTo("user:alice");
    assertThat(e.eviction().evictionId()).isEqualTo("ev1");
    assertThat(e.differences()).isEmpty();
    assertThat(e.message())
        .contains("evicted by user:alice")
        .contains("after its last write by run push1");
  }

  @Test
  void evictionBeforeTheLastWrite_doesNotCount() {
    runs.evict("ev1", "registry", VLLM.cacheRef().toString(), "gc", MONDAY.plusSeconds(3000));
    runs.push("push2", MONDAY.plusSeconds(3600));
    runs.cleanRun("push2", MONDAY.plusSeconds(3600), false, List.of(VLLM), "2026-W46");
    runs.push("push3", MONDAY.plusSeconds(9000));
    runs.plan("push3", MONDAY.plusSeconds(9000), false, List.of(VLLM));
    runs.build("push3", VLLM, MONDAY.plusSeconds(9000), Build.of(VLLM, "2026-W46"));

    MissExplanation e = history.explain("push3", "-cpu-vllm@amd64");

    assertThat(e.verdict()).isEqualTo(Verdict.UNEXPLAINED);
    assertThat(e.lastWrite().run()).isEqualTo("push2");
    assertThat(e.eviction()).isNull();
  }

  @Test
  void pullRequestOnlyKey_isNeverWritten() {
    runs.pullRequest("pr1", 11, MONDAY);
    runs.plan("pr1", MONDAY, false, List.of(HIPBLAS));
    runs.verify("pr1", HIPBLAS, MONDAY, Build.of(HIPBLAS, "2026-W46").withWrites(List.of()));
    runs.pullRequest("pr2", 12, MONDAY.plusSeconds(3600));
    runs.plan("pr2", MONDAY.plusSeconds(3600), false, List.of(HIPBLAS));
    runs.verify(
        "pr2",
        HIPBLAS,
        MONDAY.plusSeconds(3600),
        Build.of(HIPBLAS, "2026-W46").withWrites(List.of()).withSteps(0, 12));

    MissExplanation e = history.explain("pr2", "-gpu-rocm-hipblas-vllm@single");

    assertThat(e.verdict()).isEqualTo(Verdict.NEVER_WRITTEN);
    assertThat(e.cacheRef()).isEqualTo("quay.io/go-skynet/ci-cache:cache-gpu-rocm-hipblas-vllm-");
    assertThat(e.lastWrite()).isNull();
    assertThat(e.message()).contains("PR-only key").contains("2 read(s)");
  }

  @Test
  void fullyCachedBuild_isNoMiss_andUnknownLegIsNotFound() {
    secondPush(MONDAY.plusSeconds(3600), Build.of(VLLM, "2026-W46").withSteps(12, 0));

    assertThat(history.explain("push2", "-cpu-vllm@amd64").verdict()).isEqualTo(Verdict.NO_MISS);
    assertThat(history.explain("push9", "-cpu-vllm@amd64").verdict())
        .isEqualTo(Verdict.LEG_NOT_FOUND);
  }

  @Test
  void failedLeg_saysItRecordedNoInputs() {
    runs.push("push2", MONDAY.plusSeconds(3600));
    runs.plan("push2", MONDAY.plusSeconds(3600), false, List.of(VLLM));
    runs.fail("push2", VLLM, MONDAY.plusSeconds(3600));

    MissExplanation e = history.explain("push2", "-cpu-vllm@amd64");

    assertThat(e.verdict()).isEqualTo(Verdict.LEG_FAILED);
    assertThat(e.message()).contains("image not found");
  }
}
