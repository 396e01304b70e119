package dev.strata.domain.cache.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.trigger.api.RunId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegNamesTest {
  private static final ImageRef CI_CACHE = ImageRef.of("quay.io/go-skynet/ci-cache");
  private static final LegNames BACKEND = LegNames.backend(CI_CACHE);
  private static final LegNames ROOT =
      LegNames.rootImage(CI_CACHE, "localai", TagSuffix.of("-core"));
  private static final RunId RUN = RunId.of("1234");

  // DOMAIN.md 2.4, both example columns, plus an arm64 leg.
  @ParameterizedTest(name = "backend {0}@{1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "-cpu-faster-whisper|amd64|quay.io/go-skynet/ci-cache:cache-cpu-faster-whisper-amd64"
            + "|digests-cpu-faster-whisper--amd64|keepalive-1234-cpu-faster-whisper-amd64"
            + "|digests-cpu-faster-whisper--*",
        "-gpu-nvidia-cuda-12-vllm|NULL|quay.io/go-skynet/ci-cache:cache-gpu-nvidia-cuda-12-vllm-"
            + "|digests-gpu-nvidia-cuda-12-vllm--single|keepalive-1234-gpu-nvidia-cuda-12-vllm-single"
            + "|digests-gpu-nvidia-cuda-12-vllm--*",
        "-cpu-llama-cpp|arm64|quay.io/go-skynet/ci-cache:cache-cpu-llama-cpp-arm64"
            + "|digests-cpu-llama-cpp--arm64|keepalive-1234-cpu-llama-cpp-arm64"
            + "|digests-cpu-llama-cpp--*",
      })
  void backendNames_followDomainTable(
      String sfx, String pt, String cacheRef, String artifact, String anchor, String glob) {
    LegKey key = LegKey.of(sfx, pt);

    assertThat(BACKEND.cacheRef(key)).hasToString(cacheRef);
    assertThat(BACKEND.artifactName(key)).isEqualTo(artifact);
    assertThat(BACKEND.keepaliveTag(RUN, key)).isEqualTo(anchor);
    assertThat(BACKEND.keepaliveRef(RUN, key)).hasToString("quay.io/go-skynet/ci-cache:" + anchor);
    assertThat(BACKEND.mergeGlob(key.tagSuffix())).isEqualTo(glob);
  }

  // DOMAIN.md 4.8: no -core placeholder in the cache ref, -core everywhere else.
  @ParameterizedTest(name = "root {0}@{1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "NULL|amd64|quay.io/go-skynet/ci-cache:cache-localai-amd64|digests-localai-core--amd64"
            + "|keepalive-1234-core-amd64|digests-localai-core--*",
        "NULL|arm64|quay.io/go-skynet/ci-cache:cache-localai-arm64|digests-localai-core--arm64"
            + "|keepalive-1234-core-arm64|digests-localai-core--*",
        "-gpu-nvidia-cuda-12|NULL|quay.io/go-skynet/ci-cache:cache-localai-gpu-nvidia-cuda-12-"
            + "|digests-localai-gpu-nvidia-cuda-12--single|keepalive-1234-gpu-nvidia-cuda-12-single"
            + "|digests-localai-gpu-nvidia-cuda-12--*",
        "-gpu-vulkan|arm64|quay.io/go-skynet/ci-cache:cache-localai-gpu-vulkan-arm64"
            + "|digests-localai-gpu-vulkan--arm64|keepalive-1234-gpu-vulkan-arm64"
            + "|digests-localai-gpu-vulkan--*",
      })
  void rootImageNames_useCorePlaceholderOnlyOutsideTheCacheRef(
      String sfx, String pt, String cacheRef, String artifact, String anchor, String glob) {
    LegKey key = LegKey.of(sfx, pt);

    assertThat(ROOT.cacheRef(key)).hasToString(cacheRef);
    assertThat(ROOT.artifactName(key)).isEqualTo(artifact);
    assertThat(ROOT.keepaliveTag(RUN, key)).isEqualTo(anchor);
    assertThat(ROOT.mergeGlob(key.tagSuffix())).isEqualTo(glob);
  }

  @Test
  void keepaliveCleanup_coversAmd64Arm64AndSingle() {
    assertThat(BACKEND.keepaliveTagsToClean(RUN, TagSuffix.of("-cpu-vllm")))
        .containsExactly(
            "keepalive-1234-cpu-vllm-amd64",
            "keepalive-1234-cpu-vllm-arm64",
            "keepalive-1234-cpu-vllm-single");
    assertThat(ROOT.keepaliveTagsToClean(RUN, TagSuffix.NONE))
        .containsExactly(
            "keepalive-1234-core-amd64", "keepalive-1234-core-arm64", "keepalive-1234-core-single");
  }

  @Test
  void mergeGlob_separatorKeepsPrefixSuffixesApart() {
    // -cpu-mlx is a string prefix of -cpu-mlx-audio (DOMAIN.md 2.3): the "--" stops over-matching.
    String glob = BACKEND.mergeGlob(TagSuffix.of("-cpu-mlx"));
    String other = BACKEND.artifactName(LegKey.of("-cpu-mlx-audio", "amd64"));

    assertThat(glob).isEqualTo("digests-cpu-mlx--*");
    assertThat(other).doesNotStartWith(glob.substring(0, glob.length() - 1));
  }

  @Test
  void cacheTags_ofDistinctKeysAreDistinct() {
    // "-a" + "-amd64" vs "-a-amd64" + "" : the platform-tag enum keeps the format injective.
    assertThat(BACKEND.cacheTag(LegKey.of("-a", "amd64")))
        .isNotEqualTo(BACKEND.cacheTag(LegKey.of("-a-amd64", "")));
  }

  @Test
  void cacheRepository_withTag_isRefusedAndQuoted() {
    assertThatThrownBy(() -> LegNames.backend(ImageRef.parse("quay.io/go-skynet/ci-cache:latest")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"quay.io/go-skynet/ci-cache:latest\"");
  }

  @Test
  void rootImage_refusesEmptyPlaceholderAndBadName() {
    assertThatThrownBy(() -> LegNames.rootImage(CI_CACHE, "localai", TagSuffix.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-core");
    assertThatThrownBy(() -> LegNames.rootImage(CI_CACHE, "Local AI", TagSuffix.of("-core")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Local AI\"");
  }

  @Test
  void platformTag_outsideAmd64Arm64_isRefusedAndQuoted() {
    assertThatThrownBy(() -> LegKey.of("-cpu-vllm", "riscv64"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"riscv64\"");
  }
}
