package dev.strata.domain.image.api;

import dev.strata.domain.Values;

/**
 * The identity of a Linux leg: tag-suffix plus platform-tag (DOMAIN.md 2.4). Rendered as {@code
 * <sfx>@<pt or single>} in URLs and logs; the matrix identity JSON is {@link #identityJson()}.
 */
public record LegKey(TagSuffix tagSuffix, PlatformTag platformTag) {
  public LegKey {
    Values.required(tagSuffix, "tag-suffix");
    Values.required(platformTag, "platform-tag");
  }

  public static LegKey of(String tagSuffix, String platformTag) {
    return new LegKey(TagSuffix.of(tagSuffix), PlatformTag.parse(platformTag));
  }

  /** Parses the {@link #toString()} form {@code <sfx>@<amd64|arm64|single>}. */
  public static LegKey parse(String raw) {
    Values.required(raw, "leg key");
    int at = raw.lastIndexOf('@');
    if (at < 0) {
      throw new IllegalArgumentException(
          "Invalid leg key "
              + Values.quote(raw)
              + ": expected <tag-suffix>@<amd64|arm64|single>, e.g. \"-cpu-vllm@amd64\"");
    }
    String pt = raw.substring(at + 1);
    try {
      return new LegKey(
          TagSuffix.of(raw.substring(0, at)),
          "single".equals(pt) ? PlatformTag.ABSENT : PlatformTag.parse(pt));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Invalid leg key " + Values.quote(raw) + ": " + e.getMessage(), e);
    }
  }

  /** LocalAI's entry identity: {@code JSON.stringify([sfx || "", pt || ""])}. */
  public String identityJson() {
    return "[\"" + tagSuffix.value() + "\",\"" + platformTag.value() + "\"]";
  }

  @Override
  public String toString() {
    return tagSuffix.value() + "@" + platformTag.orSingle();
  }
}
