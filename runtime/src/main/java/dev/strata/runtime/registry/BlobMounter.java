package dev.strata.runtime.registry;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Makes a blob of one repository available in another. Within one registry it asks for a
 * cross-repository mount ({@code POST /v2/<target>/blobs/uploads/?mount=<digest>&from=<source>});
 * when the registry refuses (it answers with an upload session instead), or the repositories live
 * on different registries, it downloads the blob to a temporary file and uploads it.
 */
public final class BlobMounter {
  private final RegistryTransport transport;
  private final BlobChecker checker;
  private final BlobGetter getter;
  private final BlobUploader uploader;

  public BlobMounter(RegistryTransport transport) {
    this.transport = transport;
    this.checker = new BlobChecker(transport);
    this.getter = new BlobGetter(transport);
    this.uploader = new BlobUploader(transport);
  }

  /** Ensures {@code target} holds blob {@code digest}, taking it from {@code source}. */
  public BlobTransfer mount(ImageRef source, ImageRef target, Digest digest)
      throws RegistryException {
    if (checker.check(target, digest).isPresent()) {
      return BlobTransfer.PRESENT;
    }
    if (!source.registry().equals(target.registry())) {
      copy(source, target, digest, uploader.open(target, digest));
      return BlobTransfer.COPIED;
    }
    String query =
        "blobs/uploads/?mount="
            + URLEncoder.encode(digest.value(), StandardCharsets.UTF_8)
            + "&from="
            + URLEncoder.encode(source.path(), StandardCharsets.UTF_8);
    RegistryCall call =
        transport
            .call(
                "mount blob", target.withDigest(digest) + " from " + source, "POST", target, query)
            .scope(Scopes.push(target))
            .scope(Scopes.pull(source));
    HttpResponse<byte[]> response = transport.send(call, Set.of(201, 202));
    if (response.statusCode() == 201) {
      return BlobTransfer.MOUNTED;
    }
    // 202: the registry opened an ordinary upload session instead of mounting
    copy(source, target, digest, BlobUploader.location(call, response));
    return BlobTransfer.COPIED;
  }

  private void copy(ImageRef source, ImageRef target, Digest digest, URI session)
      throws RegistryException {
    Path temp;
    try {
      temp = Files.createTempFile("strata-blob-", ".part");
    } catch (IOException e) {
      throw new RegistryException(
          "copy blob",
          target.withDigest(digest).toString(),
          RegistryException.NO_RESPONSE,
          null,
          "no temporary file: " + e.getMessage(),
          e);
    }
    try {
      getter.download(source, digest, temp);
      uploader.finish(target, digest, session, RegistryCall.Body.of(temp));
    } finally {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // a leftover temporary file is harmless
      }
    }
  }
}
