package dev.strata.runtime.registry;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.util.Set;

/** {@code HEAD /v2/<name>/manifests/<digest>}: whether a repository holds a manifest. */
public final class ManifestChecker {
  private final RegistryTransport transport;

  public ManifestChecker(RegistryTransport transport) {
    this.transport = transport;
  }

  /** Whether {@code repository} holds manifest {@code digest}. */
  public boolean check(ImageRef repository, Digest digest) throws RegistryException {
    RegistryCall call =
        transport
            .call(
                "check manifest",
                repository.withDigest(digest).toString(),
                "HEAD",
                repository,
                "manifests/" + digest)
            .header("Accept", String.join(", ", ManifestMediaTypes.ALL))
            .scope(Scopes.pull(repository));
    return transport.send(call, Set.of(200, 404)).statusCode() == 200;
  }
}
