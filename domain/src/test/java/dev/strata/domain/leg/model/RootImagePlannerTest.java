package dev.strata.domain.leg.model;

import static dev.strata.domain.leg.model.LegPlans.masterPush;
import static dev.strata.domain.leg.model.LegPlans.pullRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.image.model.ImageNaming;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.trigger.api.Trigger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Root image legs (DOMAIN.md 4.8, 5.3), seeded with LocalAI's {@code image.yml} legs. */
class RootImagePlannerTest {

  static final RootImageProfile ROOT =
      new RootImageProfile(
          "root-image",
          ImageNaming.of(
              "quay.io/go-skynet/ci-cache",
              List.of("quay.io/go-skynet/local-ai", "localai/localai"),
              "quay.io/go-skynet/ci-tests"),
          "localai",
          TagSuffix.of("-core"),
          "./Dockerfile",
          ".",
          defaults());

  // image_build.yml's input defaults (4.8 and 4.1)
  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("cuda-major-version", "12");
    d.put("cuda-minor-version", "9");
    d.put("makeflags", "--jobs=4 --output-sync=target");
    d.put("skip-drivers", "false");
    d.put("ubuntu-version", "2204");
    d.put("ubuntu-codename", "noble");
    return d;
  }

  /** The core image's amd64 leg of {@code core-image-build}. */
  static LinuxEntry coreAmd64() {
    return LocalAi.entry(
        "build-type", "",
        "platforms", "linux/amd64",
        "platform-tag", "amd64",
        "tag-suffix", "",
        "base-image", "ubuntu:24.04",
        "runs-on", "ubuntu-latest",
        "ubuntu-version", "2404");
  }

  /** The single-arch CUDA 12.8 leg. */
  static LinuxEntry cuda12() {
    return LocalAi.entry(
        "build-type", "cublas",
        "cuda-major-version", "12",
        "cuda-minor-version", "8",
        "platforms", "linux/amd64",
        "tag-suffix", "-gpu-nvidia-cuda-12",
        "base-image", "ubuntu:24.04",
        "runs-on", "ubuntu-latest",
        "ubuntu-version", "2404");
  }

  /** The intel leg: its own base and {@code --jobs=3}. */
  static LinuxEntry intel() {
    return LocalAi.entry(
        "build-type", "intel",
        "platforms", "linux/amd64",
        "tag-suffix", "-gpu-intel",
        "base-image", "intel/oneapi-basekit:2025.3.2-0-devel-ubuntu24.04",
        "makeflags", "--jobs=3 --output-sync=target",
        "runs-on", "ubuntu-latest",
        "ubuntu-version", "2404");
  }

  static BuildPlan plan(Trigger trigger, LinuxEntry entry) {
    return RootImagePlanner.plan(
        LegPlans.LOCALAI,
        ROOT,
        new LegRequest(LegPlans.RUN, trigger, entry, LegPlans.JOB_START, LegPlans.CREATED));
  }

  // 4.8: no -core placeholder in the cache ref; the placeholder only where the suffix is empty
  static Stream<Arguments> names() {
    return Stream.of(
        Arguments.of(
            coreAmd64(),
            "quay.io/go-skynet/ci-cache:cache-localai-amd64",
            "quay.io/go-skynet/ci-cache:keepalive-1234-core-amd64",
            "digests-localai-core--amd64",
            "digests-localai-core--*"),
        Arguments.of(
            cuda12(),
            "quay.io/go-skynet/ci-cache:cache-localai-gpu-nvidia-cuda-12-",
            "quay.io/go-skynet/ci-cache:keepalive-1234-gpu-nvidia-cuda-12-single",
            "digests-localai-gpu-nvidia-cuda-12--single",
            "digests-localai-gpu-nvidia-cuda-12--*"));
  }

  @ParameterizedTest
  @MethodSource("names")
  void cacheRef_hasNoCorePlaceholder_butAnchorArtifactAndGlobDo(
      LinuxEntry entry, String cacheRef, String anchor, String artifact, String glob) {
    BuildPlan plan = plan(masterPush(), entry);

    assertThat(plan.cache().cacheFrom()).isEqualTo("type=registry,ref=" + cacheRef);
    assertThat(plan.cache().cacheTo())
        .contains("type=registry,ref=" + cacheRef + ",mode=max,ignore-error=true");
    assertThat(plan.anchor()).map(ImageRef::toString).contains(anchor);
    assertThat(ROOT.names().artifactName(entry.legKey())).isEqualTo(artifact);
    assertThat(ROOT.names().mergeGlob(entry.tagSuffix())).isEqualTo(glob);
  }

  @Test
  void push_goesByDigestToTheRootRepositories_fromTheRootDockerfile() {
    BuildPlan plan = plan(masterPush(), coreAmd64());

    assertThat(plan.dockerfile()).isEqualTo("./Dockerfile");
    assertThat(plan.context()).isEqualTo(".");
    assertThat(plan.platform()).isEqualTo("linux/amd64");
    assertThat(plan.push().outputs())
        .containsExactly(
            "type=image,name=quay.io/go-skynet/local-ai,push-by-digest=true"
                + ",name-canonical=true,push=true",
            "type=image,name=localai/localai,push-by-digest=true,name-canonical=true,push=true");
    assertThat(plan.push().provenance()).isFalse();
    assertThat(plan.builderBaseImage()).isEmpty();
    assertThat(plan.ccache()).isEmpty();
  }

  @Test
  void buildArgs_areTheTenRootArgsInOrder_withoutDepsRefresh_andDefaultsForUnnamedInputs() {
    BuildPlan plan = plan(masterPush(), coreAmd64());

    assertThat(plan.buildArgs())
        .map(BuildArg::toString)
        .containsExactly(
            "BUILD_TYPE=",
            "CUDA_MAJOR_VERSION=12",
            "CUDA_MINOR_VERSION=9",
            "BASE_IMAGE=ubuntu:24.04",
            "MAKEFLAGS=--jobs=4 --output-sync=target",
            "SKIP_DRIVERS=false",
            "UBUNTU_VERSION=2404",
            "UBUNTU_CODENAME=noble",
            "APT_MIRROR=http://azure.archive.ubuntu.com",
            "APT_PORTS_MIRROR=http://azure.ports.ubuntu.com");
    assertThat(plan.buildArg("DEPS_REFRESH")).isEmpty();
    assertThat(plan.buildArg("BUILDER_TARGET")).isEmpty();
  }

  @Test
  void inputsTheLegNames_overrideTheDefaults() {
    BuildPlan plan = plan(masterPush(), intel());

    assertThat(plan.buildArg("MAKEFLAGS")).contains("--jobs=3 --output-sync=target");
    assertThat(plan.buildArg("BASE_IMAGE"))
        .contains("intel/oneapi-basekit:2025.3.2-0-devel-ubuntu24.04");
    assertThat(plan(masterPush(), cuda12()).buildArg("CUDA_MINOR_VERSION")).contains("8");
  }

  @Test
  void pullRequest_isNotPushed_writesNoCache_andHasNoAnchor() {
    BuildPlan plan = plan(pullRequest(false), cuda12());

    assertThat(plan.cache().cacheFrom())
        .isEqualTo(
            "type=registry,ref=quay.io/go-skynet/ci-cache:cache-localai-gpu-nvidia-cuda-12-");
    assertThat(plan.cache().cacheTo()).isEmpty();
    assertThat(plan.byDigest()).isFalse();
    assertThat(plan.anchor()).isEmpty();
    assertThat(plan.push().push()).as("#push: true is commented out").isFalse();
    assertThat(plan.push().pushedRepositories()).isEmpty();
    assertThat(plan.push().tags())
        .map(ImageRef::toString)
        .containsExactly("quay.io/go-skynet/ci-tests:sha-1a2b3c4localai11000-cublas-12-8");
  }

  @Test
  void buildx_rendersTheRootLegWithTheRootFileAndContext() {
    BuildPlan plan = plan(masterPush(), coreAmd64());

    List<String> argv = BuildxCommands.build(plan, "docker", "/tmp/meta.json").argv();

    assertThat(argv.subList(0, 7))
        .containsExactly(
            "docker", "buildx", "build", "--platform", "linux/amd64", "--file", "./Dockerfile");
    assertThat(argv.get(argv.size() - 1)).isEqualTo(".");
    assertThat(argv).doesNotContain("DEPS_REFRESH=2026-W48").contains("UBUNTU_CODENAME=noble");
  }

  @Test
  void aProfileWithoutDockerfileOrWithAnEmptyPlaceholder_isRefused() {
    ImageNaming naming = ROOT.naming();
    assertThatThrownBy(
            () ->
                new RootImageProfile(
                    "root-image", naming, "localai", TagSuffix.of("-core"), "", ".", Map.of()))
        .hasMessageContaining("./Dockerfile");
    assertThatThrownBy(
            () ->
                new RootImageProfile(
                    "root-image", naming, "localai", TagSuffix.NONE, "./Dockerfile", ".", Map.of()))
        .hasMessageContaining("-core");
  }
}
