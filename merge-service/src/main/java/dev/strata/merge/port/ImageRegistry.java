package dev.strata.merge.port;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.runtime.registry.BlobTransfer;
import dev.strata.runtime.registry.RawManifest;
import dev.strata.runtime.registry.RegistryException;
import java.util.List;
import java.util.Optional;

/**
 * The registry operations the merge-service needs, over any number of registries: repositories are
 * {@link ImageRef}s without tag or digest, and the registry is the one the reference names.
 *
 * <p>Every method throws {@link RegistryException} when the registry refuses or does not answer;
 * "not found" is an empty result or {@code false}, never an exception.
 */
public interface ImageRegistry {

  /** The manifest {@code ref} names (by tag or by digest), or empty when there is none. */
  Optional<RawManifest> manifest(ImageRef ref) throws RegistryException;

  /** Whether {@code repository} holds the manifest {@code digest}. */
  boolean hasManifest(ImageRef repository, Digest digest) throws RegistryException;

  /** The digest {@code tagged} points at, or empty when the tag does not exist. */
  Optional<Digest> resolveTag(ImageRef tagged) throws RegistryException;

  /** Pushes {@code manifest} by its digest (no tag) and returns the digest the registry stored. */
  Digest pushManifest(ImageRef repository, RawManifest manifest) throws RegistryException;

  /** Pushes {@code index} under {@code tag} and returns the digest the registry stored. */
  Digest pushIndex(ImageRef repository, String tag, RawManifest index) throws RegistryException;

  /**
   * Deletes manifest {@code digest} from {@code repository}; every tag on it goes with it. Returns
   * false when it was not there.
   */
  boolean deleteManifest(ImageRef repository, Digest digest) throws RegistryException;

  /** The size of blob {@code digest} in {@code repository}, or empty when it is not there. */
  Optional<Long> blobSize(ImageRef repository, Digest digest) throws RegistryException;

  /** The content of a small blob (an image config). */
  byte[] blob(ImageRef repository, Digest digest) throws RegistryException;

  /** Uploads {@code data} as blob {@code digest}, unless it is there already. */
  BlobTransfer pushBlob(ImageRef repository, Digest digest, byte[] data) throws RegistryException;

  /**
   * Makes blob {@code digest} available in {@code target}: nothing when present, a cross-repository
   * mount from {@code source} when the registry allows it, else a download and upload.
   */
  BlobTransfer copyBlob(ImageRef source, ImageRef target, Digest digest) throws RegistryException;

  /** Every tag of {@code repository}, in the registry's order. */
  List<String> tags(ImageRef repository) throws RegistryException;
}
