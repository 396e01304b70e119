package dev.strata.runtime.registry;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;

/** {@code HEAD /v2/<name>/blobs/<digest>}: whether a repository holds a blob, and its size. */
public final class BlobChecker {
  private final RegistryTransport transport;

  public BlobChecker(RegistryTransport transport) {
    this.transport = transport;
  }

  /** The blob's size, or empty when the repository does not hold it. */
  public Optional<Long> check(ImageRef repository, Digest digest) throws RegistryException {
    RegistryCall call =
        transport
            .call(
                "check blob",
                repository.withDigest(digest).toString(),
                "HEAD",
                repository,
                "blobs/" + digest)
            .scope(Scopes.pull(repository));
    HttpResponse<byte[]> response = transport.send(call, Set.of(200, 404));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(response.headers().firstValueAsLong("Content-Length").orElse(-1));
  }
}
