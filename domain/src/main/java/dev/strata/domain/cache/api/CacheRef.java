package dev.strata.domain.cache.api;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.ImageRef;

/**
 * A BuildKit registry cache reference: a repository and a tag, e.g. {@code
 * quay.io/go-skynet/ci-cache:cache-cpu-faster-whisper-amd64} (DOMAIN.md 2.4).
 */
public record CacheRef(ImageRef image) {
  public CacheRef {
    Values.required(image, "cache image");
    if (image.tag() == null || image.digest() != null) {
      throw new IllegalArgumentException(
          "Invalid cache ref " + Values.quote(image.toString()) + ": expected <repository>:<tag>");
    }
  }

  public static CacheRef parse(String raw) {
    try {
      return new CacheRef(ImageRef.parse(raw));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid cache ref " + Values.quote(raw) + ": " + e.getMessage(), e);
    }
  }

  public static CacheRef of(String repository, String tag) {
    return new CacheRef(ImageRef.of(repository).withTag(tag));
  }

  public String tag() {
    return image.tag();
  }

  @Override
  public String toString() {
    return image.toString();
  }
}
