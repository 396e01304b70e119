package dev.strata.runtime.registry;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;

/**
 * {@code HEAD /v2/<name>/manifests/<tag>} with every manifest media type accepted: the digest a tag
 * points at, from {@code Docker-Content-Digest}.
 */
public final class TagResolver {
  private final RegistryTransport transport;
  private final ManifestGetter getter;

  public TagResolver(RegistryTransport transport) {
    this.transport = transport;
    this.getter = new ManifestGetter(transport);
  }

  /** The digest of {@code tagged}, or empty when the tag does not exist. */
  public Optional<Digest> resolve(ImageRef tagged) throws RegistryException {
    if (tagged.tag() == null) {
      throw new IllegalArgumentException(
          "Tried to resolve " + tagged + " but failed because: it has no tag; write repo:tag");
    }
    ImageRef repository = ImageRef.of(tagged.repository());
    RegistryCall call =
        transport
            .call("resolve tag", tagged.toString(), "HEAD", repository, "manifests/" + tagged.tag())
            .header("Accept", String.join(", ", ManifestMediaTypes.ALL))
            .scope(Scopes.pull(repository));
    HttpResponse<byte[]> response = transport.send(call, Set.of(200, 404));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
    if (header.isPresent()) {
      return Optional.of(new Digest(header.get()));
    }
    // registries that omit the header on HEAD: hash the manifest itself
    return getter.get(tagged).map(m -> m.digest());
  }
}
