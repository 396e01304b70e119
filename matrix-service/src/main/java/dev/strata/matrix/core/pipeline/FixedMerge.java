package dev.strata.matrix.core.pipeline;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.TagSuffix;

/**
 * A fixed merge job (DOMAIN.md 5.3): it merges the legs whose merge group is {@code tagSuffix}.
 *
 * @param name the job's name
 * @param tagSuffix the group it merges
 * @param tagLatest its {@code tag-latest}
 */
public record FixedMerge(String name, TagSuffix tagSuffix, String tagLatest) {
  public FixedMerge {
    Values.required(name, "merge name");
    Values.required(tagSuffix, "tag-suffix");
    Values.required(tagLatest, "tag-latest");
  }
}
