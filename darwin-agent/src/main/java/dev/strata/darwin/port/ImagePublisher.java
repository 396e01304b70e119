package dev.strata.darwin.port;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.nio.file.Path;
import java.util.List;

/**
 * Pushes an OCI image tarball (DOMAIN.md 8.5) to registries under tags: per repository, the blobs
 * and the manifest once, then each further tag as a manifest reference (not one upload per tag).
 */
public interface ImagePublisher {
  /**
   * Publishes {@code tarball} under every tag of {@code tags} (tagged references, any number of
   * repositories).
   *
   * @return the manifest digest pushed
   */
  Digest publish(Path tarball, List<ImageRef> tags) throws RegistryException, java.io.IOException;
}
