package dev.strata.domain.matrix.api;

import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.image.api.PlatformTag;
import dev.strata.domain.image.api.TagSuffix;
import java.util.Map;

/**
 * A Linux entry ({@code include[]}, DOMAIN.md 2.1). Accessors read the LocalAI field names; every
 * field stays available, with its type, through {@link #fields()}.
 */
public record LinuxEntry(Map<String, Scalar> fields) implements MatrixEntry {
  public LinuxEntry {
    fields = MatrixEntry.freeze(fields);
  }

  public String backend() {
    return string("backend");
  }

  public String dockerfile() {
    return string("dockerfile");
  }

  public String tagSuffixRaw() {
    return string("tag-suffix");
  }

  public String platformTagRaw() {
    return string("platform-tag");
  }

  public TagSuffix tagSuffix() {
    return TagSuffix.of(tagSuffixRaw());
  }

  public PlatformTag platformTag() {
    return PlatformTag.parse(platformTagRaw());
  }

  /** Multi-arch entries are those with a (truthy) platform-tag. */
  public boolean isMultiArch() {
    return has("platform-tag");
  }

  public LegKey legKey() {
    return new LegKey(tagSuffix(), platformTag());
  }

  /**
   * LocalAI's identity key {@code JSON.stringify([sfx || "", pt || ""])}, computed from raw fields.
   */
  public String identityKey() {
    return "["
        + Scalar.jsonString(tagSuffixRaw())
        + ","
        + Scalar.jsonString(platformTagRaw())
        + "]";
  }

  public String runsOn() {
    return string("runs-on");
  }

  public String buildType() {
    return string("build-type");
  }

  public String platforms() {
    return string("platforms");
  }

  public String baseImage() {
    return string("base-image");
  }

  public String builderBaseImage() {
    return string("builder-base-image");
  }

  public String tagLatest() {
    return string("tag-latest");
  }
}
