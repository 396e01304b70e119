package dev.strata.matrix.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.matrix.Fixtures;
import dev.strata.matrix.core.profile.Profile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md 3.2 and 3.3: path inference as the LocalAI profile declares it. */
class PathInferenceTest {
  private static final Profile PROFILE = Fixtures.localaiProfile();

  @ParameterizedTest(name = "Linux {1} built from Dockerfile.{0} -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "python, vllm, backend/python/vllm/",
        // the explicit list comes after the python rule: a listed backend built from python is
        // python
        "python, ced, backend/python/ced/",
        "golang, parakeet-cpp, backend/go/parakeet-cpp/",
        "golang, trellis2cpp, backend/go/trellis2cpp/",
        "golang, whisper, backend/go/whisper/",
        "rust, kokoros, backend/rust/kokoros/",
        // ik-llama-cpp must win over llama-cpp (it also ends with llama-cpp)
        "ik-llama-cpp, ik-llama-cpp, backend/cpp/ik-llama-cpp/",
        "turboquant, turboquant, backend/cpp/turboquant/",
        "bonsai, bonsai, backend/cpp/bonsai/",
        "privacy-filter, privacy-filter, backend/cpp/privacy-filter/",
        "ds4, ds4, backend/cpp/ds4/",
        "audio-cpp, audio-cpp, backend/cpp/audio-cpp/",
        "llama-cpp, llama-cpp, backend/cpp/llama-cpp/",
        // for C++ kinds the dockerfile decides, not the backend name
        "llama-cpp, some-fork, backend/cpp/llama-cpp/",
        "base-grpc-builder, x, null",
        "node, moss-tts-cpp, backend/go/moss-tts-cpp/",
        "node, anything, null",
      })
  void linuxPrefix_followsTheFirstMatchingRule(String kind, String backend, String prefix) {
    PreparedEntry e = new PreparedEntry(Fixtures.linux("-x", "", backend, kind), PROFILE.linux());
    assertThat(e.prefix).isEqualTo(prefix);
  }

  @ParameterizedTest(name = "Darwin {0} (lang {1}) -> {2}")
  @CsvSource(
      nullValues = "null",
      value = {
        "llama-cpp, go, backend/cpp/llama-cpp/",
        "ds4, go, backend/cpp/ds4/",
        "privacy-filter, go, backend/cpp/privacy-filter/",
        "audio-cpp, go, backend/cpp/audio-cpp/",
        "diffusers, null, backend/python/diffusers/",
        "mlx, '', backend/python/mlx/",
        "whisper, go, backend/go/whisper/",
        "kokoros, rust, backend/rust/kokoros/",
      })
  void darwinPrefix_specialCasesThenLanguage(String backend, String lang, String prefix) {
    PreparedEntry e = new PreparedEntry(Fixtures.darwin(backend, lang), PROFILE.darwin());
    assertThat(e.prefix).isEqualTo(prefix);
  }

  @ParameterizedTest(name = "Darwin {0} (lang {1}): python={2} generic-go={3}")
  @CsvSource(
      nullValues = "null",
      value = {
        "diffusers, null, true, false",
        "whisper, go, false, true",
        "llama-cpp, go, false, false",
        "audio-cpp, go, false, false",
      })
  void darwinClasses_bespokeBuildersAreNotGenericGo(
      String backend, String lang, boolean python, boolean genericGo) {
    PreparedEntry e = new PreparedEntry(Fixtures.darwin(backend, lang), PROFILE.darwin());
    assertThat(e.selectedBy(new dev.strata.matrix.core.profile.Selector.OfClass("python")))
        .isEqualTo(python);
    assertThat(e.selectedBy(new dev.strata.matrix.core.profile.Selector.OfClass("generic-go")))
        .isEqualTo(genericGo);
  }
}
