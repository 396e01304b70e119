package dev.strata.domain.matrix.api;

import dev.strata.domain.image.api.TagSuffix;
import java.util.Map;

/** A Darwin entry ({@code includeDarwin[]}, DOMAIN.md 2.2). */
public record DarwinEntry(Map<String, Scalar> fields) implements MatrixEntry {
  public DarwinEntry {
    fields = MatrixEntry.freeze(fields);
  }

  public String backend() {
    return string("backend");
  }

  public String tagSuffixRaw() {
    return string("tag-suffix");
  }

  public TagSuffix tagSuffix() {
    return TagSuffix.of(tagSuffixRaw());
  }

  /** {@code lang}, or "" when absent (absent means Python). */
  public String lang() {
    return string("lang");
  }

  /** {@code matrix.lang || 'python'}, as the callers pass it. */
  public String langOrPython() {
    return has("lang") ? lang() : "python";
  }

  public String buildType() {
    return string("build-type");
  }

  public String identityKey() {
    return "["
        + Scalar.jsonString(tagSuffixRaw())
        + ","
        + Scalar.jsonString(string("platform-tag"))
        + "]";
  }
}
