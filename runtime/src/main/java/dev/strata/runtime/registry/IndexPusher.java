package dev.strata.runtime.registry;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;

/**
 * {@code PUT /v2/<name>/manifests/<tag>}: pushes an image index under a tag. The registry must
 * already hold every manifest the index references.
 */
public final class IndexPusher {
  private final RegistryTransport transport;

  public IndexPusher(RegistryTransport transport) {
    this.transport = transport;
  }

  /** Pushes {@code index} as {@code repository:tag} and returns its digest. */
  public Digest push(ImageRef repository, String tag, RawManifest index) throws RegistryException {
    if (!ManifestMediaTypes.isIndex(index.mediaType())) {
      throw new IllegalArgumentException(
          "Tried to push "
              + index
              + " as an index but failed because: its media type is not an index type");
    }
    ImageRef tagged = repository.withTag(tag); // validates the tag
    return ManifestPusher.put(transport, repository, tagged.tag(), index, "push index");
  }
}
