package dev.strata.domain.image.model;

import dev.strata.domain.Values;

/**
 * The {@code latest=} flavor of docker/metadata-action, fed from a matrix entry's {@code
 * tag-latest} (DOMAIN.md 5.1). Only {@code auto}, {@code true} and {@code false} are valid; an
 * empty value makes LocalAI's merge fail.
 */
public enum LatestMode {
  /** {@code latest} only for a valid, non-prerelease semver tag push. */
  AUTO,
  /** Always add {@code latest} when any version tag is produced. */
  TRUE,
  /** Never add {@code latest}. */
  FALSE;

  /** Parses {@code auto|true|false} (surrounding blanks ignored, as metadata-action trims). */
  public static LatestMode parse(String raw) {
    Values.required(raw, "tag-latest");
    return switch (raw.strip()) {
      case "auto" -> AUTO;
      case "true" -> TRUE;
      case "false" -> FALSE;
      default ->
          throw new IllegalArgumentException(
              "Invalid tag-latest "
                  + Values.quote(raw)
                  + ": expected \"auto\", \"true\" or \"false\" (metadata-action's latest= flavor)");
    };
  }

  /** The value as written in a flavor line. */
  public String flavorValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
