package dev.strata.merge.core;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import java.util.Locale;

/**
 * One tag of a cache repository as the registry and the log know it.
 *
 * @param ref the tag
 * @param kind {@code cache} (BuildKit caches), {@code keepalive} (anchors), {@code base} (builder
 *     bases) or {@code other}
 * @param digest the manifest the tag points at
 * @param bytes the size of what the manifest references (blobs shared with other tags counted here
 *     too), or -1 when unknown
 * @param usage what the log says about it, or null when it never mentions the tag
 */
public record CacheEntry(CacheRef ref, String kind, Digest digest, long bytes, CacheUsage usage) {

  /** The kind of a cache repository tag by its prefix (DOMAIN.md 11.1). */
  public static String kindOf(String tag) {
    String lower = tag.toLowerCase(Locale.ROOT);
    if (lower.startsWith("cache")) {
      return "cache";
    }
    if (lower.startsWith("keepalive-")) {
      return "keepalive";
    }
    if (lower.startsWith("base-grpc-")) {
      return "base";
    }
    return "other";
  }
}
