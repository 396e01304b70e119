package dev.strata.domain.run.api;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.util.List;

/**
 * An image index pushed to one repository under a list of tags.
 *
 * @param repository the repository (no tag)
 * @param digest the index digest
 * @param tags the tags pushed, in order
 * @param platforms the {@code os/architecture} of each entry, in index order
 */
public record PublishedIndex(
    ImageRef repository, Digest digest, List<String> tags, List<String> platforms) {
  public PublishedIndex {
    Values.required(repository, "repository");
    Values.required(digest, "index digest");
    tags = List.copyOf(tags);
    platforms = List.copyOf(platforms);
  }
}
