package dev.strata.domain.leg.model;

import static dev.strata.domain.leg.model.LegPlans.masterPush;
import static dev.strata.domain.leg.model.LegPlans.plan;
import static dev.strata.domain.leg.model.LegPlans.pullRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.trigger.api.Trigger;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BuildPlannerTest {

  // DOMAIN.md 2.4 and 4.4: cache ref with a trailing dash for single-arch entries.
  static Stream<Arguments> cacheRefs() {
    return Stream.of(
        Arguments.of(
            LocalAi.cuda12Vllm(),
            "quay.io/go-skynet/ci-cache:cache-gpu-nvidia-cuda-12-vllm-",
            "quay.io/go-skynet/ci-cache:keepalive-1234-gpu-nvidia-cuda-12-vllm-single"),
        Arguments.of(
            LocalAi.cpuKokoroArm64(),
            "quay.io/go-skynet/ci-cache:cache-cpu-kokoro-arm64",
            "quay.io/go-skynet/ci-cache:keepalive-1234-cpu-kokoro-arm64"));
  }

  @ParameterizedTest
  @MethodSource("cacheRefs")
  void push_readsAndWritesTheLegCacheAndAnchorsInTheCacheRepo(
      dev.strata.domain.matrix.api.LinuxEntry entry, String cacheRef, String anchor) {
    BuildPlan plan = plan(masterPush(), entry);

    assertThat(plan.cache().cacheFrom()).isEqualTo("type=registry,ref=" + cacheRef);
    assertThat(plan.cache().cacheTo())
        .contains("type=registry,ref=" + cacheRef + ",mode=max,ignore-error=true");
    assertThat(plan.anchor()).map(ImageRef::toString).contains(anchor);
    assertThat(plan.byDigest()).isTrue();
    assertThat(plan.push().outputs())
        .containsExactly(
            "type=image,name=quay.io/go-skynet/local-ai-backends,push-by-digest=true"
                + ",name-canonical=true,push=true",
            "type=image,name=localai/localai-backends,push-by-digest=true"
                + ",name-canonical=true,push=true");
  }

  @Test
  void buildArgs_areLocalAisThirteenInOrder_withTheJobStartsWeekAsDepsRefresh() {
    BuildPlan plan = plan(masterPush(), LocalAi.cpuKokoroArm64());

    assertThat(plan.buildArgs())
        .map(BuildArg::toString)
        .containsExactly(
            "BUILD_TYPE=",
            "SKIP_DRIVERS=true",
            "CUDA_MAJOR_VERSION=",
            "CUDA_MINOR_VERSION=",
            "BASE_IMAGE=ubuntu:24.04",
            "BACKEND=kokoro",
            "UBUNTU_VERSION=2404",
            "AMDGPU_TARGETS=" + LocalAi.DEFAULT_AMDGPU_TARGETS,
            "APT_MIRROR=http://azure.archive.ubuntu.com",
            "APT_PORTS_MIRROR=http://azure.ports.ubuntu.com",
            "DEPS_REFRESH=2026-W48",
            "BUILDER_BASE_IMAGE=",
            "BUILDER_TARGET=builder-fromsource");
    assertThat(plan.platform()).isEqualTo("linux/arm64");
    assertThat(plan.dockerfile()).isEqualTo("./backend/Dockerfile.python");
    assertThat(plan.context()).isEqualTo("./");
  }

  // DOMAIN.md 4.2 step 8: LocalAI's %Y-W%V repeats January's key on 2024-12-30.
  @Test
  void depsRefresh_followsTheProfilesWeekKeyStyle() {
    LegRequest req =
        new LegRequest(
            LegPlans.RUN,
            masterPush(),
            LocalAi.cuda12Vllm(),
            java.time.Instant.parse("2024-12-30T08:00:00Z"),
            LegPlans.CREATED);

    assertThat(BuildPlanner.plan(LegPlans.LOCALAI, req).buildArg("DEPS_REFRESH"))
        .contains("2024-W01");
  }

  @Test
  void builderBase_isCheckedAndSelectsThePrebuiltTarget() {
    BuildPlan plan = plan(masterPush(), LocalAi.cuda12LlamaCpp());

    assertThat(plan.builderBaseImage())
        .map(ImageRef::toString)
        .contains("quay.io/go-skynet/ci-cache:base-grpc-cuda-12-amd64");
    assertThat(plan.buildArg("BUILDER_TARGET")).contains("builder-prebuilt");
    // self-hosted runner: kernel.org mirror, no ports mirror (4.2 step 2)
    assertThat(plan.buildArg("APT_MIRROR")).contains("http://mirrors.edge.kernel.org");
    assertThat(plan.buildArg("APT_PORTS_MIRROR")).contains("");
  }

  // DOMAIN.md 7 and 15.7: the mount id scopes by arch and build type; PRs restore but never save.
  @Test
  void ccache_isCarriedForBackendsWithAMount_andSavedOnlyOutsidePullRequests() {
    assertThat(plan(masterPush(), LocalAi.cuda12LlamaCpp()).ccache())
        .contains(
            new CcacheArtifact(
                "llama-cpp-ccache-amd64-cublas",
                ImageRef.parse("quay.io/go-skynet/ci-cache:llama-cpp-ccache-amd64-cublas"),
                true));
    assertThat(plan(pullRequest(false), LocalAi.cuda12LlamaCpp()).ccache())
        .map(CcacheArtifact::save)
        .contains(false);
    assertThat(plan(masterPush(), LocalAi.cuda12Vllm()).ccache()).isEmpty();
  }

  @Test
  void pullRequest_readsTheCacheButWritesNothingAndHasNoAnchor() {
    BuildPlan plan = plan(pullRequest(false), LocalAi.cuda12Vllm());

    assertThat(plan.cache().cacheFrom())
        .isEqualTo("type=registry,ref=quay.io/go-skynet/ci-cache:cache-gpu-nvidia-cuda-12-vllm-");
    assertThat(plan.cache().cacheTo()).isEmpty();
    assertThat(plan.anchor()).isEmpty();
    assertThat(plan.byDigest()).isFalse();
    assertThat(plan.push().tags())
        .map(ImageRef::toString)
        .containsExactly("quay.io/go-skynet/ci-tests:sha-1a2b3c411000-vllm-cublas-12-8");
    assertThat(plan.push().push()).isTrue();
  }

  @Test
  void forkPullRequest_pushesNothing() {
    BuildPlan plan = plan(pullRequest(true), LocalAi.cuda12Vllm());

    assertThat(plan.push().push()).isFalse();
    assertThat(plan.push().pushedRepositories()).isEmpty();
  }

  // metadata-action labels (4.4): version is the main tag without the flavor suffix rule value.
  @Test
  void labels_carryRevisionSourceAndTheMetaStepsVersion() {
    assertThat(plan(masterPush(), LocalAi.cuda12Vllm()).labels())
        .map(ImageLabel::toString)
        .containsExactly(
            "org.opencontainers.image.created=2026-11-27T09:00:00Z",
            "org.opencontainers.image.revision=" + LegPlans.MERGE.value(),
            "org.opencontainers.image.source=https://github.com/mudler/LocalAI",
            "org.opencontainers.image.title=LocalAI",
            "org.opencontainers.image.url=https://github.com/mudler/LocalAI",
            "org.opencontainers.image.version=master-gpu-nvidia-cuda-12-vllm");
    assertThat(plan(pullRequest(false), LocalAi.cuda12Vllm()).labels())
        .last()
        .hasToString("org.opencontainers.image.version=sha-1a2b3c411000-vllm-cublas-12-8");
    assertThat(
            plan(Trigger.tagPush(LegPlans.REPO, "v4.9.0", LegPlans.MERGE), LocalAi.cuda12Vllm())
                .labels())
        .last()
        .hasToString("org.opencontainers.image.version=v4.9.0-gpu-nvidia-cuda-12-vllm");
  }

  @Test
  void aPushByDigestPlanWithoutAnchor_isRefused() {
    BuildPlan ok = plan(masterPush(), LocalAi.cuda12Vllm());

    assertThatThrownBy(
            () ->
                new BuildPlan(
                    ok.legKey(),
                    ok.platform(),
                    ok.context(),
                    ok.dockerfile(),
                    ok.buildArgs(),
                    ok.cache(),
                    ok.push(),
                    ok.labels(),
                    Optional.empty(),
                    ok.builderBaseImage(),
                    ok.ccache()))
        .hasMessageContaining("needs a keepalive anchor");
  }
}
