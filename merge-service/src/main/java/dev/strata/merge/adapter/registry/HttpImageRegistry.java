package dev.strata.merge.adapter.registry;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.merge.port.ImageRegistry;
import dev.strata.runtime.registry.BlobTransfer;
import dev.strata.runtime.registry.RawManifest;
import dev.strata.runtime.registry.RegistryClient;
import dev.strata.runtime.registry.RegistryException;
import dev.strata.runtime.registry.RegistryTransport;
import java.util.List;
import java.util.Optional;

/** The {@link ImageRegistry} port on the shared registry client ({@link RegistryClient}). */
public final class HttpImageRegistry implements ImageRegistry {
  private final RegistryClient client;

  public HttpImageRegistry(RegistryClient client) {
    this.client = client;
  }

  public HttpImageRegistry(RegistryTransport transport) {
    this(new RegistryClient(transport));
  }

  @Override
  public Optional<RawManifest> manifest(ImageRef ref) throws RegistryException {
    return client.manifest(ref);
  }

  @Override
  public boolean hasManifest(ImageRef repository, Digest digest) throws RegistryException {
    return client.hasManifest(repository, digest);
  }

  @Override
  public Optional<Digest> resolveTag(ImageRef tagged) throws RegistryException {
    return client.resolveTag(tagged);
  }

  @Override
  public Digest pushManifest(ImageRef repository, RawManifest manifest) throws RegistryException {
    return client.pushManifest(repository, manifest);
  }

  @Override
  public Digest pushIndex(ImageRef repository, String tag, RawManifest index)
      throws RegistryException {
    return client.pushIndex(repository, tag, index);
  }

  @Override
  public boolean deleteManifest(ImageRef repository, Digest digest) throws RegistryException {
    return client.deleteManifest(repository, digest);
  }

  @Override
  public Optional<Long> blobSize(ImageRef repository, Digest digest) throws RegistryException {
    return client.blobSize(repository, digest);
  }

  @Override
  public byte[] blob(ImageRef repository, Digest digest) throws RegistryException {
    return client.blob(repository, digest);
  }

  @Override
  public BlobTransfer pushBlob(ImageRef repository, Digest digest, byte[] data)
      throws RegistryException {
    return client.pushBlob(repository, digest, data);
  }

  @Override
  public BlobTransfer copyBlob(ImageRef source, ImageRef target, Digest digest)
      throws RegistryException {
    return client.copyBlob(source, target, digest);
  }

  @Override
  public List<String> tags(ImageRef repository) throws RegistryException {
    return client.tags(repository);
  }
}
