package dev.strata.builder.port;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The registry operations a build agent needs besides pushing from the engine: resolving refs,
 * copying a manifest by digest between repositories, writing a cache variant, listing and deleting,
 * and moving single-file artifacts (the ccache archive).
 */
public interface ImageRegistry {

  /** The digest {@code ref} (tag or digest) resolves to, or empty when it does not exist. */
  Optional<Digest> resolve(ImageRef ref) throws RegistryException;

  /**
   * Copies the manifest {@code source} ({@code repo@digest}) and its blobs to {@code target}: by
   * digest, untagged, when {@code target} has no tag; else under its tag.
   */
  void copy(ImageRef source, ImageRef target) throws RegistryException;

  /**
   * Writes under {@code target} (a tag) a copy of the image {@code source} whose config carries one
   * more label, so it has a digest of its own: deleting either digest later never removes the other
   * manifest's tags.
   *
   * @return the new manifest's digest
   */
  Digest putLabelledVariant(ImageRef source, ImageRef target, String label, String value)
      throws RegistryException;

  /** The tags of {@code repository}; empty when it does not exist. */
  List<String> tags(ImageRef repository) throws RegistryException;

  /** Deletes the manifest {@code repo@digest}, and with it every tag on it in that repository. */
  void delete(ImageRef manifest) throws RegistryException;

  /**
   * Pushes {@code file} as a one-layer OCI artifact under {@code ref} (a tag).
   *
   * @return the artifact manifest's digest
   */
  Digest pushArtifact(ImageRef ref, Path file, String artifactType, String layerMediaType)
      throws RegistryException;

  /**
   * Downloads the single layer of the artifact {@code ref} into {@code dest}.
   *
   * @return the artifact manifest's digest, or empty when {@code ref} does not exist
   */
  Optional<Digest> pullArtifact(ImageRef ref, Path dest) throws RegistryException;
}
