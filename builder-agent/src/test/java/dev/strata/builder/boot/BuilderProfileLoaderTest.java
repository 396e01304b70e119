package dev.strata.builder.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.model.RootImageProfile;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.runtime.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuilderProfileLoaderTest {
  @TempDir Path dir;

  private static final String LOCALAI =
      """
      profile: localai
      matrix:
        path: .github/backend-matrix.yml
      registries:
        ciCache: quay.io/go-skynet/ci-cache
        publish: [quay.io/go-skynet/local-ai-backends, localai/localai-backends]
        pullRequest: quay.io/go-skynet/ci-tests
      builder:
        weekKey: calendar-year
        defaultAmdgpuTargets: gfx908,gfx90a
        aptMirrors:
          hostedRunners: [ubuntu-latest, ubuntu-24.04-arm]
          hosted: {mirror: http://azure.archive.ubuntu.com, portsMirror: http://azure.ports.ubuntu.com}
          selfHosted: {mirror: http://mirrors.edge.kernel.org, portsMirror: ""}
        ccacheBackends: [llama-cpp, ds4]
        bases:
          dockerfile: backend/Dockerfile.base-grpc-builder
          variants:
            - {tag: base-grpc-amd64, runsOn: ubuntu-latest, baseImage: "ubuntu:24.04", ubuntuVersion: "2404"}
            - {tag: base-grpc-l4t-cuda-12-arm64, runsOn: ubuntu-24.04-arm, baseImage: "nvcr.io/nvidia/l4t-jetpack:r36.4.0", buildType: l4t, cudaMajor: "12", cudaMinor: "0", ubuntuVersion: "2204", skipDrivers: "true"}
      """;

  private Path write(String yaml) throws Exception {
    Path p = dir.resolve("profile.yml");
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void localAisBuilderSection_loads() throws Exception {
    BuilderProfile p = BuilderProfileLoader.load(write(LOCALAI));

    assertThat(p.legs().naming().cacheRepo()).isEqualTo(ImageRef.of("quay.io/go-skynet/ci-cache"));
    assertThat(p.legs().weekKeyStyle()).isEqualTo(WeekKeyStyle.CALENDAR_YEAR);
    assertThat(p.legs().aptMirrors().forRunner(RunnerClass.of("bigger-runner")).mirror())
        .isEqualTo("http://mirrors.edge.kernel.org");
    assertThat(p.legs().ccacheMounts().mountId("ds4", "linux/arm64", ""))
        .contains("ds4-ccache-arm64-");
    assertThat(p.bases()).hasSize(2);
    assertThat(p.base("base-grpc-l4t-cuda-12-arm64").orElseThrow().skipDrivers()).isEqualTo("true");
    assertThat(p.base("base-grpc-amd64").orElseThrow().buildType()).isEmpty();
    assertThat(p.baseContext()).isEqualTo("./");
  }

  // DOMAIN.md 6.1: ten variants, pushed as quay.io/go-skynet/ci-cache:<tag>
  @Test
  void theShippedLocalAiProfile_declaresTheTenBases() throws Exception {
    // the profile the repository ships (the module's tests run in builder-agent/)
    Path p = Path.of("..", "profiles", "localai.yml");

    BuilderProfile profile = BuilderProfileLoader.load(p);

    assertThat(profile.bases())
        .extracting(dev.strata.domain.leg.model.BaseVariant::tag)
        .containsExactly(
            "base-grpc-amd64",
            "base-grpc-arm64",
            "base-grpc-cuda-12-amd64",
            "base-grpc-cuda-13-amd64",
            "base-grpc-cuda-13-arm64",
            "base-grpc-rocm-amd64",
            "base-grpc-vulkan-amd64",
            "base-grpc-vulkan-arm64",
            "base-grpc-intel-amd64",
            "base-grpc-l4t-cuda-12-arm64");
    assertThat(profile.baseNames().image("base-grpc-intel-amd64"))
        .hasToString("quay.io/go-skynet/ci-cache:base-grpc-intel-amd64");
    assertThat(profile.base("base-grpc-cuda-13-amd64").orElseThrow().baseImage())
        .isEqualTo("ubuntu:22.04");
  }

  // DOMAIN.md 4.8: the root image's repositories, Dockerfile, names and input defaults are data
  @Test
  void theShippedLocalAiProfile_declaresTheRootImageLegs() throws Exception {
    BuilderProfile profile = BuilderProfileLoader.load(Path.of("..", "profiles", "localai.yml"));

    RootImageProfile root = profile.rootImage().orElseThrow();
    assertThat(root.pipeline()).isEqualTo("root-image");
    assertThat(root.naming().publishRepos())
        .map(ImageRef::toString)
        .containsExactly("quay.io/go-skynet/local-ai", "localai/localai");
    assertThat(root.naming().cacheRepo()).hasToString("quay.io/go-skynet/ci-cache");
    assertThat(root.dockerfile()).isEqualTo("./Dockerfile");
    assertThat(root.context()).isEqualTo(".");
    assertThat(root.names().cacheTag(LegKey.of("", "amd64"))).isEqualTo("cache-localai-amd64");
    assertThat(root.names().keepaliveTag(RunId.of("77"), LegKey.of("", "amd64")))
        .isEqualTo("keepalive-77-core-amd64");
    assertThat(root.inputDefaults())
        .containsEntry("cuda-minor-version", "9")
        .containsEntry("makeflags", "--jobs=4 --output-sync=target")
        .containsEntry("ubuntu-codename", "noble");
  }

  @Test
  void aProfileWithoutRootImage_buildsBackendLegsOnly() throws Exception {
    assertThat(BuilderProfileLoader.load(write(LOCALAI)).rootImage()).isEmpty();
  }

  @Test
  void aProfileWithoutBuilderSection_getsStratasDefaults() throws Exception {
    BuilderProfile p =
        BuilderProfileLoader.load(
            write("registries: {ciCache: r/c, publish: [r/p], pullRequest: r/t}\n"));

    assertThat(p.legs().weekKeyStyle()).isEqualTo(WeekKeyStyle.ISO);
    assertThat(p.legs().webBaseUrl()).isEqualTo("https://github.com");
    assertThat(p.bases()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "profile: x|profile.yml:1: registries: is missing; write registries: {ciCache: ..., publish: [...]}",
        "registries: {ciCache: r/c, publish: r/p, pullRequest: r/t}|profile.yml:1: registries.publish: must be a list; write publish: [quay.io/a/b]",
        "registries: {ciCache: r/c, publish: [r/p], pullRequest: r/t}\\nbuilder: {weekKey: gregorian}|profile.yml:2: builder.weekKey: unknown value \"gregorian\"; write iso or calendar-year",
        "registries: {ciCache: r/c, publish: [r/p], pullRequest: r/t}\\nbuilder: {rootImage: {publish: [r/l]}}|profile.yml:2: builder.rootImage.imageName: is missing; write imageName: localai",
      })
  void mistakes_nameTheFileLineAndWhatToWrite(String yaml, String message) throws Exception {
    Path p = write(yaml.replace("\\n", "\n"));

    assertThatThrownBy(() -> BuilderProfileLoader.load(p))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            dir.resolve(message.substring(0, message.indexOf(':')))
                + message.substring(message.indexOf(':')));
  }
}
