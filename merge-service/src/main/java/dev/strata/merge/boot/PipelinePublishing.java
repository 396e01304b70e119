package dev.strata.merge.boot;

import dev.strata.domain.Values;
import dev.strata.domain.image.model.ImageNaming;

/**
 * How one pipeline publishes: its repositories (cache, publish, PR) and which metadata-action
 * config computes its tags.
 *
 * @param naming the pipeline's repositories
 * @param tagStyle backend rules, or the root image's rules with the default-branch stamp
 */
public record PipelinePublishing(ImageNaming naming, TagStyle tagStyle) {
  /** Which metadata-action configuration of DOMAIN.md 5.1 a pipeline uses. */
  public enum TagStyle {
    /** Branch, semver {{raw}}, sha. */
    BACKEND,
    /** The backend rules plus {@code <branch>-<epoch>-<sha7>} on the default branch. */
    ROOT_IMAGE
  }

  public PipelinePublishing {
    Values.required(naming, "image naming");
    Values.required(tagStyle, "tag style");
  }
}
