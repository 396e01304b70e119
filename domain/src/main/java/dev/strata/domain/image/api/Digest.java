package dev.strata.domain.image.api;

import dev.strata.domain.Values;
import java.util.regex.Pattern;

/** A content digest: {@code sha256:} followed by 64 lowercase hex digits. */
public record Digest(String value) {
  private static final Pattern VALID = Pattern.compile("sha256:[0-9a-f]{64}");

  public Digest {
    Values.matching(value, VALID, "digest", "\"sha256:\" followed by 64 lowercase hex digits");
  }

  public static Digest of(String value) {
    return new Digest(value);
  }

  /** The 64 hex digits without the algorithm prefix (digest export file name, 4.5). */
  public String hex() {
    return value.substring("sha256:".length());
  }

  @Override
  public String toString() {
    return value;
  }
}
