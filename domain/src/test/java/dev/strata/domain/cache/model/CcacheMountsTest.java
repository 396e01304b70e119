package dev.strata.domain.cache.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CcacheMountsTest {
  // LocalAI's profile: the seven C++ Dockerfiles of DOMAIN.md 7.
  private final CcacheMounts mounts =
      new CcacheMounts(
          Set.of(
              "llama-cpp",
              "ik-llama-cpp",
              "turboquant",
              "bonsai",
              "ds4",
              "privacy-filter",
              "audio-cpp"));

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "llama-cpp, linux/amd64, cublas, llama-cpp-ccache-amd64-cublas",
        "llama-cpp, linux/arm64, '', llama-cpp-ccache-arm64-",
        "ik-llama-cpp, linux/amd64, '', ik-llama-cpp-ccache-amd64-",
        "turboquant, linux/amd64, sycl_f16, turboquant-ccache-amd64-sycl_f16",
        "audio-cpp, linux/arm64, vulkan, audio-cpp-ccache-arm64-vulkan",
        "vllm, linux/amd64, cublas, NULL",
        "whisper, linux/arm64, '', NULL",
      })
  void mountId_isBackendCcacheArchBuildType(
      String backend, String platforms, String buildType, String expected) {
    assertThat(mounts.mountId(backend, platforms, buildType).orElse(null)).isEqualTo(expected);
  }

  @Test
  void cudaMajor_isNotPartOfTheScope() {
    // cublas-12 and cublas-13 legs share the mount (DOMAIN.md 7): the id has no CUDA input at all.
    assertThat(mounts.mountId("llama-cpp", "linux/amd64", "cublas"))
        .contains("llama-cpp-ccache-amd64-cublas");
  }

  @ParameterizedTest
  @CsvSource({"linux/amd64, amd64", "linux/arm64, arm64", "linux/arm/v7, arm"})
  void targetArch_isTheArchSegment(String platforms, String arch) {
    assertThat(CcacheMounts.targetArch(platforms)).isEqualTo(arch);
  }

  @ParameterizedTest
  @CsvSource({"'linux/amd64,linux/arm64'", "amd64", "''"})
  void targetArch_refusesAnythingButOnePlatform(String platforms) {
    assertThatThrownBy(() -> mounts.mountId("llama-cpp", platforms, "cublas"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + platforms + "\"");
  }
}
