package dev.strata.domain.image.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageNamingTest {
  static final ImageNaming LOCALAI_BACKENDS =
      ImageNaming.of(
          "quay.io/go-skynet/ci-cache",
          List.of("quay.io/go-skynet/local-ai-backends", "localai/localai-backends"),
          "quay.io/go-skynet/ci-tests");
  private static final Digest D = Digest.of("sha256:" + "ab".repeat(32));

  @Test
  void anchorSource_isTheFirstPublishRepository() {
    assertThat(LOCALAI_BACKENDS.anchorSource(D))
        .hasToString("quay.io/go-skynet/local-ai-backends@" + D);
  }

  // DOMAIN.md 5.2: quay merges read from ci-cache (anchored), Docker Hub from itself.
  @ParameterizedTest
  @CsvSource({
    "quay.io/go-skynet/local-ai-backends, quay.io/go-skynet/ci-cache",
    "localai/localai-backends, localai/localai-backends",
  })
  void mergeSource_isCacheRepoOnTheCacheRegistry(String publish, String source) {
    assertThat(LOCALAI_BACKENDS.mergeSource(ImageRef.of(publish), D)).hasToString(source + "@" + D);
  }

  @Test
  void mergeSource_ofUnknownRepository_isRefused() {
    assertThatThrownBy(() -> LOCALAI_BACKENDS.mergeSource(ImageRef.of("quay.io/x/y"), D))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"quay.io/x/y\"");
  }

  @Test
  void repositories_withTags_orNoPublishRepos_areRefused() {
    assertThatThrownBy(
            () -> ImageNaming.of("quay.io/go-skynet/ci-cache:x", List.of("a/b"), "quay.io/c/d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"quay.io/go-skynet/ci-cache:x\"");
    assertThatThrownBy(() -> ImageNaming.of("quay.io/a/b", List.of(), "quay.io/c/d"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }
}
