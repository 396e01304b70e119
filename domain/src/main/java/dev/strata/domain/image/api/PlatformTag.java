package dev.strata.domain.image.api;

import dev.strata.domain.Values;

/**
 * A matrix entry's {@code platform-tag}: absent, {@code amd64} or {@code arm64} (DOMAIN.md 2.1).
 * Its presence makes an entry multi-arch; it is part of the cache ref, the artifact name and the
 * entry identity.
 */
public enum PlatformTag {
  ABSENT(""),
  AMD64("amd64"),
  ARM64("arm64");

  private final String value;

  PlatformTag(String value) {
    this.value = value;
  }

  /** The tag as written in the matrix; empty when absent. */
  public String value() {
    return value;
  }

  /** {@code value()}, or {@code single} when absent (artifact names and anchors, 2.4). */
  public String orSingle() {
    return this == ABSENT ? "single" : value;
  }

  public boolean isPresent() {
    return this != ABSENT;
  }

  /** Parses a raw platform-tag; null or empty means absent. */
  public static PlatformTag parse(String raw) {
    if (raw == null || raw.isEmpty()) {
      return ABSENT;
    }
    for (PlatformTag t : values()) {
      if (t.value.equals(raw)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "Invalid platform-tag " + Values.quote(raw) + ": expected absent, \"amd64\" or \"arm64\"");
  }

  @Override
  public String toString() {
    return value;
  }
}
