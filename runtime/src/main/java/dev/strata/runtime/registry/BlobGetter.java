package dev.strata.runtime.registry;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code GET /v2/<name>/blobs/<digest>}: reads a small blob into memory (verifying its digest) or
 * streams a large one to a file. Redirects to blob storage are followed without credentials.
 */
public final class BlobGetter {
  private final RegistryTransport transport;

  public BlobGetter(RegistryTransport transport) {
    this.transport = transport;
  }

  /** The blob's content. */
  public byte[] get(ImageRef repository, Digest digest) throws RegistryException {
    RegistryCall call = call(repository, digest);
    byte[] body = transport.send(call, Set.of(200)).body();
    Digest actual = RawManifest.sha256(body);
    if (!actual.equals(digest)) {
      throw new RegistryException(
          call.action(),
          call.ref(),
          200,
          "DIGEST_INVALID",
          "the content hashes to " + actual,
          null);
    }
    return body;
  }

  /** Streams the blob's content into {@code target}. */
  public void download(ImageRef repository, Digest digest, Path target) throws RegistryException {
    transport.download(call(repository, digest), target);
  }

  private RegistryCall call(ImageRef repository, Digest digest) {
    return transport
        .call(
            "get blob",
            repository.withDigest(digest).toString(),
            "GET",
            repository,
            "blobs/" + digest)
        .scope(Scopes.pull(repository));
  }
}
