package dev.strata.runtime.registry;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A registry client over the distribution HTTP API ({@code java.net.http} + Jackson), one operation
 * class per remote call, for any number of registries: repositories are {@link ImageRef}s without
 * tag or digest, and the registry is the one the reference names. Every method throws {@link
 * RegistryException} when the registry refuses or does not answer; "not found" is an empty result
 * or {@code false}, never an exception. Services put it behind their own ports.
 */
public final class RegistryClient {
  private final BlobChecker blobChecker;
  private final BlobGetter blobGetter;
  private final BlobUploader blobUploader;
  private final BlobMounter blobMounter;
  private final ManifestChecker manifestChecker;
  private final ManifestGetter manifestGetter;
  private final ManifestPusher manifestPusher;
  private final IndexPusher indexPusher;
  private final TagResolver tagResolver;
  private final ManifestDeleter manifestDeleter;
  private final TagLister tagLister;
  private final RegistryTransport transport;

  /** A client sending through {@code transport}; no connection is opened until the first call. */
  public RegistryClient(RegistryTransport transport) {
    this.blobChecker = new BlobChecker(transport);
    this.blobGetter = new BlobGetter(transport);
    this.blobUploader = new BlobUploader(transport);
    this.blobMounter = new BlobMounter(transport);
    this.manifestChecker = new ManifestChecker(transport);
    this.manifestGetter = new ManifestGetter(transport);
    this.manifestPusher = new ManifestPusher(transport);
    this.indexPusher = new IndexPusher(transport);
    this.tagResolver = new TagResolver(transport);
    this.manifestDeleter = new ManifestDeleter(transport);
    this.tagLister = new TagLister(transport);
    this.transport = transport;
  }

  /** The manifest {@code ref} names (by tag or by digest), or empty when there is none. */
  public Optional<RawManifest> manifest(ImageRef ref) throws RegistryException {
    return manifestGetter.get(ref);
  }

  /** Whether {@code repository} holds the manifest {@code digest}. */
  public boolean hasManifest(ImageRef repository, Digest digest) throws RegistryException {
    return manifestChecker.check(repository, digest);
  }

  /** The digest {@code tagged} points at, or empty when the tag does not exist. */
  public Optional<Digest> resolveTag(ImageRef tagged) throws RegistryException {
    return tagResolver.resolve(tagged);
  }

  /** Pushes {@code manifest} by its digest (no tag) and returns the digest the registry stored. */
  public Digest pushManifest(ImageRef repository, RawManifest manifest) throws RegistryException {
    return manifestPusher.push(repository, manifest);
  }

  /** Pushes {@code index} under {@code tag} and returns the digest the registry stored. */
  public Digest pushIndex(ImageRef repository, String tag, RawManifest index)
      throws RegistryException {
    return indexPusher.push(repository, tag, index);
  }

  /**
   * Deletes manifest {@code digest} from {@code repository}; every tag on it goes with it. Returns
   * false when it was not there.
   */
  public boolean deleteManifest(ImageRef repository, Digest digest) throws RegistryException {
    return manifestDeleter.delete(repository, digest);
  }

  /** The size of blob {@code digest} in {@code repository}, or empty when it is not there. */
  public Optional<Long> blobSize(ImageRef repository, Digest digest) throws RegistryException {
    return blobChecker.check(repository, digest);
  }

  /** The content of a small blob (an image config), checked against its digest. */
  public byte[] blob(ImageRef repository, Digest digest) throws RegistryException {
    return blobGetter.get(repository, digest);
  }

  /** Uploads {@code data} as blob {@code digest}, unless it is there already. */
  public BlobTransfer pushBlob(ImageRef repository, Digest digest, byte[] data)
      throws RegistryException {
    if (blobChecker.check(repository, digest).isPresent()) {
      return BlobTransfer.PRESENT;
    }
    blobUploader.upload(repository, digest, RegistryCall.Body.of(data));
    return BlobTransfer.COPIED;
  }

  /**
   * Makes blob {@code digest} available in {@code target}: nothing when present, a cross-repository
   * mount from {@code source} when the registry allows it, else a download and upload.
   */
  public BlobTransfer copyBlob(ImageRef source, ImageRef target, Digest digest)
      throws RegistryException {
    return blobMounter.mount(source, target, digest);
  }

  /** Every tag of {@code repository}, in the registry's order; empty when it does not exist. */
  public List<String> tags(ImageRef repository) throws RegistryException {
    return tagLister.list(repository);
  }

  /**
   * The digest {@code ref} names: its digest when it has one and the repository holds it, else what
   * its tag points at; empty when it does not exist.
   */
  public Optional<Digest> resolve(ImageRef ref) throws RegistryException {
    if (ref.digest() != null) {
      return hasManifest(ImageRef.of(ref.repository()), ref.digest())
          ? Optional.of(ref.digest())
          : Optional.empty();
    }
    return resolveTag(ref);
  }

  /**
   * Pushes {@code manifest} (an image manifest, an index or an artifact) under {@code tag} and
   * returns its digest.
   */
  public Digest pushTagged(ImageRef repository, String tag, RawManifest manifest)
      throws RegistryException {
    ImageRef tagged = repository.withTag(tag); // validates the tag
    return ManifestPusher.put(transport, repository, tagged.tag(), manifest, "push manifest");
  }

  /** Uploads the file {@code content} as blob {@code digest}, unless it is there already. */
  public BlobTransfer pushBlob(ImageRef repository, Digest digest, Path content)
      throws RegistryException {
    if (blobChecker.check(repository, digest).isPresent()) {
      return BlobTransfer.PRESENT;
    }
    blobUploader.upload(repository, digest, RegistryCall.Body.of(content));
    return BlobTransfer.COPIED;
  }

  /** Streams blob {@code digest} of {@code repository} into the file {@code target}. */
  public void downloadBlob(ImageRef repository, Digest digest, Path target)
      throws RegistryException {
    blobGetter.download(repository, digest, target);
  }
}
