package dev.strata.runtime.registry;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.util.Set;

/**
 * {@code DELETE /v2/<name>/manifests/<digest>}. Distribution refuses to delete by tag, so callers
 * resolve the tag first ({@link TagResolver}); deleting a digest removes every tag on it.
 */
public final class ManifestDeleter {
  private final RegistryTransport transport;

  public ManifestDeleter(RegistryTransport transport) {
    this.transport = transport;
  }

  /** Deletes manifest {@code digest}; false when the repository did not hold it. */
  public boolean delete(ImageRef repository, Digest digest) throws RegistryException {
    if (repository.tag() != null) {
      throw new IllegalArgumentException(
          "Tried to delete "
              + repository
              + " but failed because: registries delete manifests by digest only;"
              + " resolve the tag to its digest first and pass repo@sha256:...");
    }
    ImageRef repo = ImageRef.of(repository.repository());
    RegistryCall call =
        transport
            .call(
                "delete manifest",
                repo.withDigest(digest).toString(),
                "DELETE",
                repo,
                "manifests/" + digest)
            .scope(Scopes.delete(repo));
    return transport.send(call, Set.of(202, 200, 404)).statusCode() != 404;
  }
}
