package dev.strata.darwin.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.darwin.core.DarwinSteps.Step;
import dev.strata.darwin.testing.DarwinFixture;
import dev.strata.darwin.testing.ShippedProfile;
import dev.strata.domain.matrix.api.DarwinEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DarwinStepsTest {
  private static final Machine MAC =
      new Machine(
          Path.of("/Users/runner"),
          Path.of("/opt/homebrew"),
          "macOS",
          "ARM64",
          "arm64",
          "/opt/homebrew/bin:/usr/bin:/bin",
          Map.of("CMAKE_ARGS", "-DGGML_METAL=ON"));
  private static final DarwinProfile PROFILE = ShippedProfile.localAi(List.of());

  private static DarwinSteps steps(DarwinEntry entry) {
    return new DarwinSteps(PROFILE, MAC, entry, Path.of("/w"));
  }

  private static List<String> commands(List<Step> steps) {
    return steps.stream().map(s -> s.invocation().commandLine()).toList();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "llama-cpp | metal | go | make protogen-go,make backends/llama-cpp-darwin",
        "ds4 | metal | go | make backends/ds4-darwin",
        "privacy-filter | metal | go | make protogen-go,make backends/privacy-filter-darwin",
        "audio-cpp | metal | go | make backends/audio-cpp-darwin",
        "vllm | mps | | make protogen-go,make build-darwin-python-backend",
        "piper | metal | go | make protogen-go,make build-darwin-go-backend"
      })
  void build_routesBespokeBuildersAndTheGenericTarget(
      String backend, String buildType, String lang, String expected) {
    assertThat(commands(steps(DarwinFixture.entry(backend, buildType, lang)).build()))
        .containsExactly(expected.split(","));
  }

  @Test
  void genericBuild_passesBackendBuildTypeAndUsePip() {
    Step make = steps(DarwinFixture.entry("diffusers", "mps", null)).build().get(1);

    assertThat(make.invocation().env())
        .containsEntry("BACKEND", "diffusers")
        .containsEntry("BUILD_TYPE", "mps")
        .containsEntry("USE_PIP", "true");
    assertThat(steps(DarwinFixture.entry("vllm", "mps", null)).build().get(1).invocation().env())
        .containsEntry("USE_PIP", "false");
  }

  @Test
  void environment_setsTheHomebrewSwitches_andCcacheOnlyForTheCcacheBackend() {
    Map<String, String> llama =
        steps(DarwinFixture.entry("llama-cpp", "metal", "go")).environment();
    Map<String, String> vllm = steps(DarwinFixture.python("vllm")).environment();

    assertThat(llama)
        .containsEntry("HOMEBREW_NO_AUTO_UPDATE", "1")
        .containsEntry("HOMEBREW_NO_INSTALL_CLEANUP", "1")
        .containsEntry("HOMEBREW_NO_ANALYTICS", "1")
        .containsEntry("CCACHE_DIR", "/Users/runner/Library/Caches/ccache")
        .containsEntry(
            "CMAKE_ARGS",
            "-DGGML_METAL=ON -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache");
    assertThat(vllm).doesNotContainKey("CCACHE_DIR").containsEntry("HOME", "/Users/runner");
    assertThat(commands(steps(DarwinFixture.entry("llama-cpp", "metal", "go")).ccacheSetup()))
        .containsExactly("ccache -M 2G", "ccache -z");
    assertThat(steps(DarwinFixture.python("vllm")).ccacheSetup()).isEmpty();
  }

  @Test
  void dependencies_installReinstallThenLinkWithErrorsIgnored() {
    List<Step> deps = steps(DarwinFixture.python("vllm")).dependencies();

    assertThat(commands(deps))
        .containsExactly(
            "brew install protobuf grpc make protoc-gen-go protoc-gen-go-grpc libomp llvm ccache"
                + " blake3 fmt hiredis xxhash zstd nlohmann-json opus pkg-config",
            "brew reinstall ccache",
            "brew reinstall grpc",
            "brew link --overwrite protobuf grpc make protoc-gen-go protoc-gen-go-grpc libomp llvm"
                + " ccache blake3 fmt hiredis xxhash zstd nlohmann-json opus pkg-config");
    assertThat(deps).extracting(Step::mayFail).containsExactly(false, false, false, true);
  }

  @Test
  void homebrewCache_holdsDownloadsAndTheCellarList() {
    var paths =
        CacheLayout.paths(
            dev.strata.domain.darwin.model.DarwinCachePolicy.Cache.HOMEBREW, MAC, PROFILE);

    assertThat(paths.get(0).dir())
        .isEqualTo(Path.of("/Users/runner/Library/Caches/Homebrew/downloads"));
    assertThat(paths).hasSize(15);
    assertThat(paths.get(2).dir()).isEqualTo(Path.of("/opt/homebrew/Cellar/grpc"));
  }
}
