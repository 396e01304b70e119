package dev.strata.runtime.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.domain.image.api.ImageRef;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /v2/<name>/manifests/<reference>} accepting the four manifest media types (OCI index,
 * OCI manifest, Docker manifest list, Docker manifest v2 schema 2). A manifest fetched by digest is
 * checked against that digest.
 */
public final class ManifestGetter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RegistryTransport transport;

  public ManifestGetter(RegistryTransport transport) {
    this.transport = transport;
  }

  /** The manifest {@code ref} names (tag or digest), or empty when there is none. */
  public Optional<RawManifest> get(ImageRef ref) throws RegistryException {
    String reference = ref.digest() != null ? ref.digest().value() : ref.tag();
    if (reference == null) {
      throw new IllegalArgumentException(
          "Tried to get the manifest of "
              + ref
              + " but failed because: it names neither a tag nor a digest");
    }
    ImageRef repository = ImageRef.of(ref.repository());
    RegistryCall call =
        transport
            .call("get manifest", ref.toString(), "GET", repository, "manifests/" + reference)
            .header("Accept", String.join(", ", ManifestMediaTypes.ALL))
            .scope(Scopes.pull(repository));
    HttpResponse<byte[]> response = transport.send(call, Set.of(200, 404));
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    byte[] body = response.body();
    RawManifest manifest = RawManifest.of(mediaType(response, body), body);
    if (ref.digest() != null && !manifest.digest().equals(ref.digest())) {
      throw new RegistryException(
          call.action(),
          call.ref(),
          200,
          "DIGEST_INVALID",
          "the content hashes to " + manifest.digest(),
          null);
    }
    return Optional.of(manifest);
  }

  private static String mediaType(HttpResponse<byte[]> response, byte[] body) {
    String header = response.headers().firstValue("Content-Type").orElse("");
    int semicolon = header.indexOf(';');
    String type = (semicolon < 0 ? header : header.substring(0, semicolon)).trim();
    if (ManifestMediaTypes.ALL.contains(type)) {
      return type;
    }
    try {
      String declared = JSON.readTree(body).path("mediaType").asText("");
      if (!declared.isEmpty()) {
        return declared;
      }
    } catch (IOException e) {
      // not JSON: keep the header's type
    }
    return type.isEmpty() ? ManifestMediaTypes.OCI_MANIFEST : type;
  }
}
