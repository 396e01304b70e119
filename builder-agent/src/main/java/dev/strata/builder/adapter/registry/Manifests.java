package dev.strata.builder.adapter.registry;

import dev.strata.builder.port.RegistryException;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** Manifest requests: HEAD, GET, PUT and DELETE by tag or digest. */
final class Manifests {
  /** A manifest as stored: its bytes, media type and digest. */
  record Manifest(byte[] bytes, String mediaType, Digest digest) {}

  private final RegistryHttp http;

  Manifests(RegistryHttp http) {
    this.http = http;
  }

  static String reference(ImageRef ref) {
    if (ref.digest() != null) {
      return ref.digest().value();
    }
    return ref.tag() == null ? "latest" : ref.tag();
  }

  Optional<Digest> head(ImageRef ref) throws RegistryException {
    String action = "resolve " + ref;
    HttpResponse<Void> r =
        http.send(
            ref,
            () ->
                HttpRequest.newBuilder(http.url(ref, "manifests/" + reference(ref)))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Accept", RegistryHttp.ACCEPT_MANIFESTS),
            HttpResponse.BodyHandlers.discarding(),
            action);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw RegistryHttp.unexpected(action, r);
    }
    Optional<String> digest = r.headers().firstValue("Docker-Content-Digest");
    if (digest.isPresent()) {
      return Optional.of(Digest.of(digest.get()));
    }
    return get(ref).map(Manifest::digest);
  }

  Optional<Manifest> get(ImageRef ref) throws RegistryException {
    String action = "read the manifest of " + ref;
    HttpResponse<byte[]> r =
        http.send(
            ref,
            () ->
                HttpRequest.newBuilder(http.url(ref, "manifests/" + reference(ref)))
                    .GET()
                    .header("Accept", RegistryHttp.ACCEPT_MANIFESTS),
            HttpResponse.BodyHandlers.ofByteArray(),
            action);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw RegistryHttp.unexpected(action, r);
    }
    Digest digest = Digests.of(r.body());
    if (ref.digest() != null && !ref.digest().equals(digest)) {
      throw new RegistryException(
          "Tried to " + action + " but failed because: got content with digest " + digest, false);
    }
    String type =
        r.headers().firstValue("Content-Type").orElse(RegistryHttp.DOCKER_MANIFEST).split(";")[0];
    return Optional.of(new Manifest(r.body(), type.trim(), digest));
  }

  /** PUTs {@code bytes} under {@code target}'s tag, or by digest when it has none. */
  Digest put(ImageRef target, byte[] bytes, String mediaType) throws RegistryException {
    Digest digest = Digests.of(bytes);
    String reference = target.tag() != null ? target.tag() : digest.value();
    String action = "put a manifest to " + target.repository() + ":" + reference;
    HttpResponse<byte[]> r =
        http.send(
            target,
            () ->
                HttpRequest.newBuilder(http.url(target, "manifests/" + reference))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .header("Content-Type", mediaType),
            HttpResponse.BodyHandlers.ofByteArray(),
            action);
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw RegistryHttp.unexpected(action, r);
    }
    return digest;
  }

  void delete(ImageRef manifest) throws RegistryException {
    String action = "delete " + manifest;
    if (manifest.digest() == null) {
      throw new RegistryException(
          "Tried to "
              + action
              + " but failed because: registries delete manifests by digest only; resolve the"
              + " tag first",
          false);
    }
    HttpResponse<byte[]> r =
        http.send(
            manifest,
            () ->
                HttpRequest.newBuilder(http.url(manifest, "manifests/" + manifest.digest().value()))
                    .DELETE(),
            HttpResponse.BodyHandlers.ofByteArray(),
            action);
    if (r.statusCode() != 202 && r.statusCode() != 200 && r.statusCode() != 404) {
      throw RegistryHttp.unexpected(action, r);
    }
  }
}
