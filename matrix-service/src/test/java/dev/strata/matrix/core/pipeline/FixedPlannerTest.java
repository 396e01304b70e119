package dev.strata.matrix.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.trigger.api.TriggerKind;
import dev.strata.matrix.Fixtures;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The root image's ten legs and eight merges (DOMAIN.md 4.8, 5.3), and the builder bases (6.1). */
class FixedPlannerTest {
  private static final Pipelines PIPELINES = Fixtures.localaiProfile().pipelines();
  private static final PipelineTrigger MASTER =
      new PipelineTrigger(
          TriggerKind.PUSH,
          "refs/heads/master",
          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
          null,
          null,
          null);
  private static final PipelineTrigger PR =
      new PipelineTrigger(
          TriggerKind.PULL_REQUEST,
          "refs/pull/9/merge",
          null,
          null,
          "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
          null);

  private static FixedPlan root(PipelineTrigger trigger, String files) {
    return FixedPlanner.plan(
        PIPELINES.fixed("root-image").orElseThrow(), trigger, FakeDiffs.of(files));
  }

  private static Map<String, PlannedLeg> byId(FixedPlan plan) {
    return plan.legs().stream().collect(Collectors.toMap(l -> l.legId().value(), l -> l));
  }

  @Test
  void rootImage_buildsItsTenLegs_withTheirRunners() {
    FixedPlan plan = root(MASTER, "Makefile");

    assertThat(plan.legs())
        .extracting(l -> l.legId().value() + " " + l.runnerClass().value())
        .containsExactly(
            "root:@amd64 ubuntu-latest",
            "root:@arm64 ubuntu-24.04-arm",
            "root:-gpu-nvidia-cuda-12@single ubuntu-latest",
            "root:-gpu-nvidia-cuda-13@single ubuntu-latest",
            "root:-gpu-vulkan@amd64 ubuntu-latest",
            "root:-gpu-vulkan@arm64 ubuntu-24.04-arm",
            "root:-gpu-intel@single ubuntu-latest",
            "root:-gpu-hipblas@single ubuntu-latest",
            "root:-nvidia-l4t-arm64@single ubuntu-24.04-arm",
            "root:-nvidia-l4t-arm64-cuda-13@single ubuntu-24.04-arm");
  }

  @Test
  void rootImage_mergesAreImageYmlsFixedJobs_allTagLatestAuto() {
    FixedPlan plan = root(MASTER, "Makefile");

    assertThat(plan.mergeGroups())
        .extracting(m -> "'" + m.tagSuffix() + "' " + m.tagLatest() + " " + m.groupLegs().size())
        .containsExactly(
            "'' auto 2",
            "'-gpu-vulkan' auto 2",
            "'-gpu-nvidia-cuda-12' auto 1",
            "'-gpu-nvidia-cuda-13' auto 1",
            "'-gpu-intel' auto 1",
            "'-gpu-hipblas' auto 1",
            "'-nvidia-l4t-arm64' auto 1",
            "'-nvidia-l4t-arm64-cuda-13' auto 1");
    MergeGroup core = plan.mergeGroups().get(0);
    assertThat(core.selectedLegs())
        .containsExactly(LegId.of("root:@amd64"), LegId.of("root:@arm64"));
  }

  // DOMAIN.md 4.8 and 5.3: what each leg passes to image_build.yml
  @ParameterizedTest(name = "{0}.{1} = {2}")
  @CsvSource({
    "root:@amd64, base-image, ubuntu:24.04",
    "root:@amd64, makeflags, --jobs=4 --output-sync=target",
    "root:@amd64, ubuntu-codename, noble",
    "root:@amd64, dockerfile, ./Dockerfile",
    "root:@amd64, context, .",
    "root:-gpu-nvidia-cuda-12@single, cuda-major-version, 12",
    "root:-gpu-nvidia-cuda-12@single, cuda-minor-version, 8",
    "root:-gpu-nvidia-cuda-13@single, base-image, ubuntu:24.04",
    "root:-gpu-intel@single, base-image, intel/oneapi-basekit:2025.3.2-0-devel-ubuntu24.04",
    "root:-gpu-intel@single, makeflags, --jobs=3 --output-sync=target",
    "root:-gpu-hipblas@single, base-image, rocm/dev-ubuntu-24.04:7.2.1",
    "root:-gpu-hipblas@single, makeflags, --jobs=3 --output-sync=target",
    "root:-nvidia-l4t-arm64@single, base-image, nvcr.io/nvidia/l4t-jetpack:r36.4.0",
    "root:-nvidia-l4t-arm64@single, cuda-minor-version, 0",
    "root:-nvidia-l4t-arm64@single, skip-drivers, true",
    "root:-nvidia-l4t-arm64@single, ubuntu-version, 2204",
    "root:-nvidia-l4t-arm64@single, ubuntu-codename, jammy",
    "root:-nvidia-l4t-arm64-cuda-13@single, platforms, linux/arm64",
    "root:-gpu-vulkan@arm64, tag-latest, auto",
  })
  void rootLegs_carryTheirImageBuildInputs(String leg, String field, String value) {
    assertThat(byId(root(MASTER, "Makefile")).get(leg).fields())
        .containsEntry(field, Scalar.string(value));
  }

  @Test
  void hipblasAndCudaLegs_haveNoPlatformTag() {
    Map<String, PlannedLeg> legs = byId(root(MASTER, "Makefile"));

    assertThat(legs.get("root:-gpu-hipblas@single").fields()).doesNotContainKey("platform-tag");
    assertThat(legs.get("root:@arm64").fields())
        .containsEntry("platform-tag", Scalar.string("arm64"));
  }

  // 11.9: PR cache keys master never writes, and --jobs=3 for the CUDA images
  @ParameterizedTest(name = "{0}.{1}: master {2}, PR {3}")
  @CsvSource({
    "root:-gpu-hipblas@single, tag-suffix, -gpu-hipblas, -hipblas",
    "root:-gpu-intel@single, tag-suffix, -gpu-intel, sycl",
    "root:-gpu-vulkan@amd64, tag-suffix, -gpu-vulkan, -vulkan-core",
    "root:-gpu-vulkan@arm64, tag-suffix, -gpu-vulkan, -vulkan-core",
    "root:-gpu-nvidia-cuda-12@single, makeflags, --jobs=4 --output-sync=target, --jobs=3 --output-sync=target",
    "root:-gpu-nvidia-cuda-13@single, makeflags, --jobs=4 --output-sync=target, --jobs=3 --output-sync=target",
    "root:@amd64, tag-suffix, '', ''",
  })
  void pullRequestLegs_useThePrCacheKeys(String leg, String field, String master, String pr) {
    FixedPlan prPlan = root(PR, "Makefile");

    assertThat(prPlan.pullRequest()).isTrue();
    assertThat(byId(prPlan).get(leg).fields()).containsEntry(field, Scalar.string(pr));
    assertThat(byId(root(MASTER, "Makefile")).get(leg).fields())
        .containsEntry(field, Scalar.string(master));
  }

  @Test
  void skippedPipeline_plansNothing_butSaysWhy() {
    FixedPlan plan = root(MASTER, "docs/index.md README.md");

    assertThat(plan.legs()).isEmpty();
    assertThat(plan.mergeGroups()).isEmpty();
    assertThat(plan.decision().reason()).isEqualTo("ignored-only");
  }

  @Test
  void builderBases_areTheBuildersTenVariants_neverMerged() {
    FixedPlan plan =
        FixedPlanner.plan(
            PIPELINES.fixed("builder-bases").orElseThrow(),
            new PipelineTrigger(TriggerKind.SCHEDULE, null, null, null, null, null, "0 5 * * 6"),
            FakeDiffs.of(""));

    assertThat(plan.legs()).hasSize(10);
    assertThat(plan.mergeGroups()).isEmpty();
    PlannedLeg l4t = plan.legs().get(9);
    assertThat(l4t.legId()).isEqualTo(LegId.of("base:base-grpc-l4t-cuda-12-arm64"));
    assertThat(l4t.runnerClass().value()).isEqualTo("ubuntu-24.04-arm");
    assertThat(l4t.fields())
        .containsEntry("tag", Scalar.string("base-grpc-l4t-cuda-12-arm64"))
        .containsEntry("base-image", Scalar.string("nvcr.io/nvidia/l4t-jetpack:r36.4.0"))
        .containsEntry("build-type", Scalar.string("l4t"))
        .containsEntry("skip-drivers", Scalar.string("true"))
        .containsEntry("dockerfile", Scalar.string("backend/Dockerfile.base-grpc-builder"))
        .containsEntry("context", Scalar.string("./"));
  }
}
