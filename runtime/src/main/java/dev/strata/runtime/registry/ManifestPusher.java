package dev.strata.runtime.registry;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.net.http.HttpResponse;
import java.util.Set;

/** {@code PUT /v2/<name>/manifests/<digest>}: pushes a manifest by its digest, untagged. */
public final class ManifestPusher {
  private final RegistryTransport transport;

  public ManifestPusher(RegistryTransport transport) {
    this.transport = transport;
  }

  /** Pushes {@code manifest} and returns the digest the registry confirmed. */
  public Digest push(ImageRef repository, RawManifest manifest) throws RegistryException {
    return put(transport, repository, manifest.digest().value(), manifest, "push manifest");
  }

  static Digest put(
      RegistryTransport transport,
      ImageRef repository,
      String reference,
      RawManifest manifest,
      String action)
      throws RegistryException {
    String ref =
        reference.startsWith("sha256:")
            ? repository.withDigest(manifest.digest()).toString()
            : repository.withTag(reference).toString();
    RegistryCall call =
        transport
            .call(action, ref, "PUT", repository, "manifests/" + reference)
            .header("Content-Type", manifest.mediaType())
            .body(RegistryCall.Body.of(manifest.bytes()))
            .scope(Scopes.push(repository));
    HttpResponse<byte[]> response = transport.send(call, Set.of(201));
    String confirmed = response.headers().firstValue("Docker-Content-Digest").orElse(null);
    if (confirmed != null && !confirmed.equals(manifest.digest().value())) {
      throw new RegistryException(
          action,
          ref,
          201,
          "DIGEST_INVALID",
          "the registry stored " + confirmed + " instead of " + manifest.digest(),
          null);
    }
    return manifest.digest();
  }
}
