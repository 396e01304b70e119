package dev.strata.matrix.core.profile;

import java.util.List;

/**
 * Matrix checks a profile asks {@code strata lint} for, beyond the generic ones.
 *
 * @param builderBaseImageFor dockerfile kinds ({@code Dockerfile.<kind>}) whose entries must set
 *     {@code builder-base-image} (multi-target Dockerfiles)
 * @param platformTags the allowed {@code platform-tag} values (empty: any)
 * @param tagLatest the allowed {@code tag-latest} values (empty: any)
 * @param darwinTagSuffix the required Darwin {@code tag-suffix}, e.g. {@code
 *     -metal-darwin-arm64-{backend}}, or null
 */
public record LintRules(
    List<String> builderBaseImageFor,
    List<String> platformTags,
    List<String> tagLatest,
    PathTemplate darwinTagSuffix) {

  /** No profile-specific checks. */
  public static final LintRules NONE = new LintRules(List.of(), List.of(), List.of(), null);

  public LintRules {
    builderBaseImageFor = List.copyOf(builderBaseImageFor);
    platformTags = List.copyOf(platformTags);
    tagLatest = List.copyOf(tagLatest);
  }
}
