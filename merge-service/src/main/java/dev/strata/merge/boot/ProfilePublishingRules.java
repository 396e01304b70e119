package dev.strata.merge.boot;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.model.LatestMode;
import dev.strata.domain.image.model.MetadataTags;
import dev.strata.domain.image.model.TagContext;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.merge.core.PublishingRules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link PublishingRules} from the profile: repositories from each pipeline's {@code ImageNaming},
 * tags from the shared {@link MetadataTags} policy (DOMAIN.md 5.1).
 */
final class ProfilePublishingRules implements PublishingRules {
  private final MergeSettings settings;

  ProfilePublishingRules(MergeSettings settings) {
    this.settings = settings;
  }

  @Override
  public Optional<List<ImageRef>> repositories(String pipeline) {
    return Optional.ofNullable(settings.pipelines().get(pipeline))
        .map(p -> p.naming().publishRepos());
  }

  @Override
  public ImageRef mergeSource(String pipeline, ImageRef repository, Digest digest) {
    return settings.pipelines().get(pipeline).naming().mergeSource(repository, digest);
  }

  @Override
  public List<String> tags(String pipeline, Trigger trigger, MergeGroup group, Instant at) {
    PipelinePublishing publishing = settings.pipelines().get(pipeline);
    ImageRef first = publishing.naming().publishRepos().get(0);
    LatestMode latest = LatestMode.parse(group.tagLatest());
    TagContext context = TagContext.of(trigger);
    MetadataTags rules;
    if (publishing.tagStyle() == PipelinePublishing.TagStyle.ROOT_IMAGE) {
      rules = MetadataTags.rootImage(List.of(first), latest, group.tagSuffix());
      context = context.withStamp(settings.defaultBranch(), at.getEpochSecond());
    } else {
      rules = MetadataTags.backend(List.of(first), latest, group.tagSuffix());
    }
    // metadata-action gives every image the same tags; the first image's list is the list
    return rules.tags(context).stream().map(ImageRef::tag).toList();
  }
}
