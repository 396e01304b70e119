package dev.strata.darwin.port;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The registry operations the darwin-agent needs: blobs from and to files (cache archives are
 * large), manifests by tag or digest, tag listing, deletion. Repositories are {@link ImageRef}s
 * without tag or digest. "Not found" is an empty result or {@code false}, never an exception.
 *
 * <p>The shape follows the merge-service's registry port, so that a registry client shared through
 * {@code runtime} can replace the adapter.
 */
public interface ArtifactRegistry {

  /** Whether blob {@code digest} is in {@code repository}. */
  boolean hasBlob(ImageRef repository, Digest digest) throws RegistryException;

  /** Uploads {@code file} as blob {@code digest} unless it is there already. */
  void pushBlob(ImageRef repository, Digest digest, Path file) throws RegistryException;

  /** Uploads small {@code data} as blob {@code digest} unless it is there already. */
  void pushBlob(ImageRef repository, Digest digest, byte[] data) throws RegistryException;

  /**
   * Downloads blob {@code digest} to {@code target} and checks the content against the digest.
   *
   * @return false when the registry has no such blob
   * @throws RegistryException also when the content does not match the digest
   */
  boolean fetchBlob(ImageRef repository, Digest digest, Path target) throws RegistryException;

  /** The manifest {@code ref} names (by tag or digest), or empty. */
  Optional<RawManifest> manifest(ImageRef ref) throws RegistryException;

  /**
   * Pushes {@code manifest} under {@code reference} (a tag, or its own digest for an untagged push)
   * and returns the digest the registry stored.
   */
  Digest pushManifest(ImageRef repository, String reference, RawManifest manifest)
      throws RegistryException;

  /** Deletes manifest {@code digest} with every tag on it; false when it was not there. */
  boolean deleteManifest(ImageRef repository, Digest digest) throws RegistryException;

  /** Every tag of {@code repository} (empty when the repository does not exist). */
  List<String> tags(ImageRef repository) throws RegistryException;
}
