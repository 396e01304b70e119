package dev.strata.merge.adapter.registry;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.merge.port.BlobTransfer;
import dev.strata.merge.port.ImageRegistry;
import dev.strata.merge.port.RawManifest;
import dev.strata.merge.port.RegistryException;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ImageRegistry} port over the distribution HTTP API ({@code java.net.http} + Jackson),
 * one operation class per remote call.
 */
public final class HttpImageRegistry implements ImageRegistry {
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

  public HttpImageRegistry(RegistryTransport transport) {
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
  }

  @Override
  public Optional<RawManifest> manifest(ImageRef ref) throws RegistryException {
    return manifestGetter.get(ref);
  }

  @Override
  public boolean hasManifest(ImageRef repository, Digest digest) throws RegistryException {
    return manifestChecker.check(repository, digest);
  }

  @Override
  public Optional<Digest> resolveTag(ImageRef tagged) throws RegistryException {
    return tagResolver.resolve(tagged);
  }

  @Override
  public Digest pushManifest(ImageRef repository, RawManifest manifest) throws RegistryException {
    return manifestPusher.push(repository, manifest);
  }

  @Override
  public Digest pushIndex(ImageRef repository, String tag, RawManifest index)
      throws RegistryException {
    return indexPusher.push(repository, tag, index);
  }

  @Override
  public boolean deleteManifest(ImageRef repository, Digest digest) throws RegistryException {
    return manifestDeleter.delete(repository, digest);
  }

  @Override
  public Optional<Long> blobSize(ImageRef repository, Digest digest) throws RegistryException {
    return blobChecker.check(repository, digest);
  }

  @Override
  public byte[] blob(ImageRef repository, Digest digest) throws RegistryException {
    return blobGetter.get(repository, digest);
  }

  @Override
  public BlobTransfer pushBlob(ImageRef repository, Digest digest, byte[] data)
      throws RegistryException {
    if (blobChecker.check(repository, digest).isPresent()) {
      return BlobTransfer.PRESENT;
    }
    blobUploader.upload(repository, digest, RegistryCall.Body.of(data));
    return BlobTransfer.COPIED;
  }

  @Override
  public BlobTransfer copyBlob(ImageRef source, ImageRef target, Digest digest)
      throws RegistryException {
    return blobMounter.mount(source, target, digest);
  }

  @Override
  public List<String> tags(ImageRef repository) throws RegistryException {
    return tagLister.list(repository);
  }
}
