package dev.strata.domain.leg.model;

import static dev.strata.domain.leg.model.LegPlans.masterPush;
import static dev.strata.domain.leg.model.LegPlans.plan;
import static dev.strata.domain.leg.model.LegPlans.pullRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.cache.model.BaseImageNames;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.RunnerClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildxCommandsTest {
  private static final String SHA = LegPlans.MERGE.value();

  private static List<String> argsAndCache(String cacheRef) {
    return List.of(
        "--build-arg", "BUILD_TYPE=cublas",
        "--build-arg", "SKIP_DRIVERS=false",
        "--build-arg", "CUDA_MAJOR_VERSION=12",
        "--build-arg", "CUDA_MINOR_VERSION=8",
        "--build-arg", "BASE_IMAGE=ubuntu:24.04",
        "--build-arg", "BACKEND=vllm",
        "--build-arg", "UBUNTU_VERSION=2404",
        "--build-arg", "AMDGPU_TARGETS=" + LocalAi.DEFAULT_AMDGPU_TARGETS,
        "--build-arg", "APT_MIRROR=http://azure.archive.ubuntu.com",
        "--build-arg", "APT_PORTS_MIRROR=http://azure.ports.ubuntu.com",
        "--build-arg", "DEPS_REFRESH=2026-W48",
        "--build-arg", "BUILDER_BASE_IMAGE=",
        "--build-arg", "BUILDER_TARGET=builder-fromsource",
        "--cache-from", "type=registry,ref=" + cacheRef);
  }

  private static List<String> labels(String version) {
    return List.of(
        "--label", "org.opencontainers.image.created=2026-11-27T09:00:00Z",
        "--label", "org.opencontainers.image.revision=" + SHA,
        "--label", "org.opencontainers.image.source=https://github.com/mudler/LocalAI",
        "--label", "org.opencontainers.image.title=LocalAI",
        "--label", "org.opencontainers.image.url=https://github.com/mudler/LocalAI",
        "--label", "org.opencontainers.image.version=" + version);
  }

  // DOMAIN.md 4.4, flag for flag.
  @Test
  void pushLeg_rendersPushByDigestToBothRegistriesWithCacheToAndNoProvenance() {
    BuildInvocation inv =
        BuildxCommands.build(plan(masterPush(), LocalAi.cuda12Vllm()), "docker", "/tmp/meta.json");

    List<String> want =
        new ArrayList<>(
            List.of(
                "docker",
                "buildx",
                "build",
                "--platform",
                "linux/amd64",
                "--file",
                "./backend/Dockerfile.python"));
    want.addAll(argsAndCache("quay.io/go-skynet/ci-cache:cache-gpu-nvidia-cuda-12-vllm-"));
    want.addAll(
        List.of(
            "--cache-to",
            "type=registry,ref=quay.io/go-skynet/ci-cache:cache-gpu-nvidia-cuda-12-vllm-"
                + ",mode=max,ignore-error=true",
            "--output",
            "type=image,name=quay.io/go-skynet/local-ai-backends,push-by-digest=true"
                + ",name-canonical=true,push=true",
            "--output",
            "type=image,name=localai/localai-backends,push-by-digest=true"
                + ",name-canonical=true,push=true",
            "--provenance=false"));
    want.addAll(labels("master-gpu-nvidia-cuda-12-vllm"));
    want.addAll(List.of("--metadata-file", "/tmp/meta.json", "./"));
    assertThat(inv.argv()).containsExactlyElementsOf(want);
    assertThat(inv.env()).isEmpty();
  }

  // DOMAIN.md 4.7: same cache-from, no cache-to, ci-tests tag pushed.
  @Test
  void sameRepoPullRequest_rendersTestTagAndPushWithoutCacheTo() {
    BuildInvocation inv =
        BuildxCommands.build(plan(pullRequest(false), LocalAi.cuda12Vllm()), "docker", "m.json");

    List<String> want =
        new ArrayList<>(
            List.of(
                "docker",
                "buildx",
                "build",
                "--platform",
                "linux/amd64",
                "--file",
                "./backend/Dockerfile.python"));
    want.addAll(argsAndCache("quay.io/go-skynet/ci-cache:cache-gpu-nvidia-cuda-12-vllm-"));
    want.addAll(
        List.of(
            "--tag",
            "quay.io/go-skynet/ci-tests:sha-1a2b3c411000-vllm-cublas-12-8",
            "--push",
            "--provenance=false"));
    want.addAll(labels("sha-1a2b3c411000-vllm-cublas-12-8"));
    want.addAll(List.of("--metadata-file", "m.json", "./"));
    assertThat(inv.argv()).containsExactlyElementsOf(want);
  }

  @Test
  void forkPullRequest_tagsButNeverPushes() {
    List<String> argv =
        BuildxCommands.build(plan(pullRequest(true), LocalAi.cuda12Vllm()), "docker", "m.json")
            .argv();

    assertThat(argv).doesNotContain("--push", "--cache-to", "--output");
    assertThat(argv).contains("--tag", "--provenance=false");
  }

  // DOMAIN.md 4.5
  @Test
  void anchor_isImagetoolsCreateFromTheFirstPublishRepoByDigest() {
    Digest d = Digest.of("sha256:" + "ab".repeat(32));
    BuildInvocation inv =
        BuildxCommands.anchor(
            "docker",
            ImageRef.parse("quay.io/go-skynet/ci-cache:keepalive-1234-cpu-kokoro-arm64"),
            LegPlans.NAMING.anchorSource(d));

    assertThat(inv.argv())
        .containsExactly(
            "docker",
            "buildx",
            "imagetools",
            "create",
            "-t",
            "quay.io/go-skynet/ci-cache:keepalive-1234-cpu-kokoro-arm64",
            "quay.io/go-skynet/local-ai-backends@sha256:" + "ab".repeat(32));
    assertThatThrownBy(
            () ->
                BuildxCommands.anchor(
                    "docker",
                    ImageRef.parse("a/b:c"),
                    ImageRef.parse("quay.io/go-skynet/local-ai-backends:latest")))
        .hasMessageContaining("expected <repository>@<digest>");
  }

  // DOMAIN.md 6.1
  @Test
  void base_rendersANormalTagPushWithItsOwnCache() {
    BasePlan plan =
        BasePlan.of(
            new BaseImageNames(ImageRef.of("quay.io/go-skynet/ci-cache")),
            new BaseVariant(
                "base-grpc-cuda-12-amd64",
                RunnerClass.of("ubuntu-latest"),
                "ubuntu:24.04",
                "cublas",
                "12",
                "8",
                "2404",
                "false"),
            "backend/Dockerfile.base-grpc-builder",
            "./");

    assertThat(BuildxCommands.base(plan, "docker").argv())
        .containsExactly(
            "docker",
            "buildx",
            "build",
            "--file",
            "backend/Dockerfile.base-grpc-builder",
            "--build-arg",
            "BASE_IMAGE=ubuntu:24.04",
            "--build-arg",
            "BUILD_TYPE=cublas",
            "--build-arg",
            "CUDA_MAJOR_VERSION=12",
            "--build-arg",
            "CUDA_MINOR_VERSION=8",
            "--build-arg",
            "UBUNTU_VERSION=2404",
            "--build-arg",
            "SKIP_DRIVERS=false",
            "--cache-from",
            "type=registry,ref=quay.io/go-skynet/ci-cache:cache-base-grpc-cuda-12-amd64",
            "--cache-to",
            "type=registry,ref=quay.io/go-skynet/ci-cache:cache-base-grpc-cuda-12-amd64"
                + ",mode=max,ignore-error=true",
            "--tag",
            "quay.io/go-skynet/ci-cache:base-grpc-cuda-12-amd64",
            "--push",
            "--provenance=false",
            "./");
  }
}
