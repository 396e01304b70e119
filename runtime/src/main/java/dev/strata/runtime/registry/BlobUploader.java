package dev.strata.runtime.registry;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Monolithic blob upload: {@code POST /v2/<name>/blobs/uploads/} opens a session, {@code PUT
 * <location>?digest=<digest>} sends the content in one request.
 */
public final class BlobUploader {
  private final RegistryTransport transport;

  public BlobUploader(RegistryTransport transport) {
    this.transport = transport;
  }

  /** Uploads {@code content} as blob {@code digest} into {@code repository}. */
  public void upload(ImageRef repository, Digest digest, RegistryCall.Body content)
      throws RegistryException {
    URI session = open(repository, digest);
    finish(repository, digest, session, content);
  }

  URI open(ImageRef repository, Digest digest) throws RegistryException {
    RegistryCall call =
        transport
            .call(
                "start uploading blob",
                ref(repository, digest),
                "POST",
                repository,
                "blobs/uploads/")
            .scope(Scopes.push(repository));
    HttpResponse<byte[]> response = transport.send(call, Set.of(202));
    return location(call, response);
  }

  /** Completes an upload session at {@code session} with {@code content}. */
  void finish(ImageRef repository, Digest digest, URI session, RegistryCall.Body content)
      throws RegistryException {
    String separator = session.toString().contains("?") ? "&" : "?";
    URI put =
        URI.create(
            session
                + separator
                + "digest="
                + URLEncoder.encode(digest.value(), StandardCharsets.UTF_8));
    RegistryCall call =
        transport
            .call("upload blob", ref(repository, digest), "PUT", repository, "blobs/uploads/")
            .to("PUT", put)
            .header("Content-Type", "application/octet-stream")
            .body(content)
            .scope(Scopes.push(repository));
    transport.send(call, Set.of(201));
  }

  static URI location(RegistryCall call, HttpResponse<byte[]> response) throws RegistryException {
    String location =
        response
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new RegistryException(
                        call.action(),
                        call.ref(),
                        response.statusCode(),
                        null,
                        "the answer has no Location header",
                        null));
    return call.uri().resolve(location);
  }

  private static String ref(ImageRef repository, Digest digest) {
    return repository.withDigest(digest).toString();
  }
}
