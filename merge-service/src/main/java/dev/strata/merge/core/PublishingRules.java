package dev.strata.merge.core;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where and under which tags a pipeline's merge groups are published (the profile's image naming
 * and the shared tag policy of DOMAIN.md 5.1).
 */
public interface PublishingRules {

  /** The repositories the pipeline publishes to, in tag order; empty when it is not configured. */
  Optional<List<ImageRef>> repositories(String pipeline);

  /**
   * Where the merge into {@code repository} reads {@code digest} from first (DOMAIN.md 5.2: the
   * anchored cache repository on the cache's registry, the repository itself elsewhere).
   */
  ImageRef mergeSource(String pipeline, ImageRef repository, Digest digest);

  /**
   * The tags of the group's index for this trigger; {@code at} is when the group completed (the
   * only time a tag may depend on, so that a repeated merge produces the same tags).
   */
  List<String> tags(String pipeline, Trigger trigger, MergeGroup group, Instant at);
}
