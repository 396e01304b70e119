package dev.strata.domain.cache.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.ImageRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseImageNamesTest {
  private final BaseImageNames names =
      new BaseImageNames(ImageRef.of("quay.io/go-skynet/ci-cache"));

  // DOMAIN.md 6.1: the ten variants.
  @ParameterizedTest
  @CsvSource({
    "base-grpc-amd64",
    "base-grpc-arm64",
    "base-grpc-cuda-12-amd64",
    "base-grpc-cuda-13-amd64",
    "base-grpc-cuda-13-arm64",
    "base-grpc-rocm-amd64",
    "base-grpc-vulkan-amd64",
    "base-grpc-vulkan-arm64",
    "base-grpc-intel-amd64",
    "base-grpc-l4t-cuda-12-arm64",
  })
  void baseImage_isPushedToCacheRepoAndCachesUnderCacheDashTag(String tag) {
    assertThat(names.image(tag)).hasToString("quay.io/go-skynet/ci-cache:" + tag);
    assertThat(names.cacheRef(tag)).hasToString("quay.io/go-skynet/ci-cache:cache-" + tag);
  }

  @Test
  void cacheRef_ofLiteralExample() {
    assertThat(names.cacheRef("base-grpc-l4t-cuda-12-arm64"))
        .hasToString("quay.io/go-skynet/ci-cache:cache-base-grpc-l4t-cuda-12-arm64");
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        "quay.io/go-skynet/ci-cache:base-grpc-cuda-13-arm64, base-grpc-cuda-13-arm64",
        "quay.io/go-skynet/ci-tests:base-grpc-amd64, NULL",
        "quay.io/go-skynet/ci-cache, NULL",
        "ubuntu:24.04, NULL",
      })
  void baseTagOf_recognisesOnlyTagsOfTheCacheRepository(String ref, String expected) {
    assertThat(names.baseTagOf(ImageRef.parse(ref)).orElse(null)).isEqualTo(expected);
  }

  @Test
  void badTag_isRefusedAndQuoted() {
    assertThatThrownBy(() -> names.image("-base"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"-base\"");
    assertThatThrownBy(() -> names.cacheRef("base grpc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"base grpc\"");
  }
}
