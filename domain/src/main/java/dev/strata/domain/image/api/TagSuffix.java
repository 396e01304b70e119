package dev.strata.domain.image.api;

import dev.strata.domain.Values;
import java.util.regex.Pattern;

/**
 * A matrix entry's {@code tag-suffix}: names the published image variant and is the merge group key
 * (DOMAIN.md 2.1). Non-empty suffixes start with {@code -}. The empty suffix is allowed (LocalAI
 * builds such entries but never tags them, 3.10).
 */
public record TagSuffix(String value) {
  private static final Pattern VALID = Pattern.compile("|-[A-Za-z0-9._-]*");

  /** The empty suffix. */
  public static final TagSuffix NONE = new TagSuffix("");

  public TagSuffix {
    Values.matching(
        value,
        VALID,
        "tag-suffix",
        "empty, or '-' followed by letters, digits, '.', '_' or '-' (e.g. \"-cpu-vllm\")");
  }

  public static TagSuffix of(String value) {
    return new TagSuffix(value == null ? "" : value);
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return value;
  }
}
