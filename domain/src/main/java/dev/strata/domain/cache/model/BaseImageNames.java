package dev.strata.domain.cache.model;

import dev.strata.domain.Values;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.ImageRef;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names of the prebuilt builder bases (DOMAIN.md 6.1): each variant is pushed as {@code
 * <cacheRepo>:<tag>} and caches its own build in {@code <cacheRepo>:cache-<tag>}.
 */
public final class BaseImageNames {
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,121}");

  private final ImageRef cacheRepo;

  /** Names in {@code cacheRepo}, e.g. {@code quay.io/go-skynet/ci-cache}. */
  public BaseImageNames(ImageRef cacheRepo) {
    this.cacheRepo = LegNames.requireRepository(cacheRepo);
  }

  /** The base image itself, e.g. {@code quay.io/go-skynet/ci-cache:base-grpc-amd64}. */
  public ImageRef image(String tag) {
    return cacheRepo.withTag(requireTag(tag));
  }

  /** The registry cache of the base's own build: {@code <cacheRepo>:cache-<tag>}. */
  public CacheRef cacheRef(String tag) {
    return new CacheRef(cacheRepo.withTag("cache-" + requireTag(tag)));
  }

  /**
   * The base tag a matrix entry's {@code builder-base-image} names, or empty when the ref is not a
   * tag of the cache repository (bootstrap-order invariant 7 of DOMAIN.md 10).
   */
  public Optional<String> baseTagOf(ImageRef builderBaseImage) {
    Values.required(builderBaseImage, "builder-base-image");
    if (!builderBaseImage.repository().equals(cacheRepo.repository())
        || builderBaseImage.tag() == null
        || builderBaseImage.digest() != null) {
      return Optional.empty();
    }
    return Optional.of(builderBaseImage.tag());
  }

  private static String requireTag(String tag) {
    return Values.matching(
        tag,
        TAG,
        "base image tag",
        "up to 122 of [A-Za-z0-9._-], not starting with . or - (e.g. \"base-grpc-amd64\")");
  }
}
