package dev.strata.builder.adapter.registry;

import dev.strata.builder.port.RegistryException;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Blob requests: existence, cross-repository mount, monolithic upload, download. */
final class Blobs {
  private final RegistryHttp http;

  Blobs(RegistryHttp http) {
    this.http = http;
  }

  boolean exists(ImageRef repo, Digest digest) throws RegistryException {
    String action = "check blob " + digest + " in " + repo.repository();
    HttpResponse<Void> r =
        http.send(
            repo,
            () ->
                HttpRequest.newBuilder(http.url(repo, "blobs/" + digest.value()))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.discarding(),
            action);
    if (r.statusCode() == 404) {
      return false;
    }
    if (r.statusCode() != 200) {
      throw RegistryHttp.unexpected(action, r);
    }
    return true;
  }

  /**
   * Makes blob {@code digest} of {@code source} available in {@code target}: nothing when it is
   * there, a mount on the same registry, else a download and upload through a temporary file.
   */
  void ensure(ImageRef source, ImageRef target, Digest digest, Path tmpDir)
      throws RegistryException {
    if (exists(target, digest)) {
      return;
    }
    if (source.registry().equals(target.registry()) && mount(source, target, digest)) {
      return;
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(tmpDir, "blob-", ".tmp");
      download(source, digest, tmp);
      upload(target, tmp, digest);
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to copy blob "
              + digest
              + " to "
              + target.repository()
              + " but failed because: "
              + e.getMessage(),
          true,
          e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private boolean mount(ImageRef source, ImageRef target, Digest digest) throws RegistryException {
    String action = "mount blob " + digest + " from " + source.repository();
    URI uri =
        http.url(
            target,
            "blobs/uploads/?mount="
                + digest.value()
                + "&from="
                + URLEncoder.encode(source.path(), StandardCharsets.UTF_8));
    HttpResponse<byte[]> r =
        http.send(
            target,
            () -> HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.ofByteArray(),
            action);
    // 202 means the registry started an upload instead of mounting; the caller uploads then
    return r.statusCode() == 201;
  }

  /** Uploads {@code file} (whose digest is {@code digest}) in one PUT. */
  void upload(ImageRef target, Path file, Digest digest) throws RegistryException {
    String action = "upload blob " + digest + " to " + target.repository();
    HttpResponse<byte[]> started =
        http.send(
            target,
            () ->
                HttpRequest.newBuilder(http.url(target, "blobs/uploads/"))
                    .POST(HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.ofByteArray(),
            action);
    if (started.statusCode() != 202) {
      throw RegistryHttp.unexpected(action, started);
    }
    String location =
        started
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new RegistryException(
                        "Tried to " + action + " but failed because: no Location header", false));
    URI put = http.location(target, location);
    String sep = put.toString().contains("?") ? "&" : "?";
    URI uri = URI.create(put + sep + "digest=" + digest.value());
    HttpResponse<byte[]> r =
        http.send(
            target,
            () -> {
              try {
                return HttpRequest.newBuilder(uri)
                    .PUT(HttpRequest.BodyPublishers.ofFile(file))
                    .header("Content-Type", "application/octet-stream");
              } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
              }
            },
            HttpResponse.BodyHandlers.ofByteArray(),
            action);
    if (r.statusCode() != 201) {
      throw RegistryHttp.unexpected(action, r);
    }
  }

  /** Uploads {@code bytes}, returning their digest. */
  Digest upload(ImageRef target, byte[] bytes, Path tmpDir) throws RegistryException {
    Digest digest = Digests.of(bytes);
    if (exists(target, digest)) {
      return digest;
    }
    Path tmp = null;
    try {
      tmp = Files.createTempFile(tmpDir, "blob-", ".tmp");
      Files.write(tmp, bytes);
      upload(target, tmp, digest);
      return digest;
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to upload a blob to "
              + target.repository()
              + " but failed because: "
              + e.getMessage(),
          true,
          e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  /** Downloads blob {@code digest} into {@code dest}, verifying its digest. */
  void download(ImageRef repo, Digest digest, Path dest) throws RegistryException {
    String action = "download blob " + digest + " from " + repo.repository();
    Path part = dest.resolveSibling(dest.getFileName() + ".part");
    HttpResponse<Path> r =
        http.send(
            repo,
            () -> HttpRequest.newBuilder(http.url(repo, "blobs/" + digest.value())).GET(),
            HttpResponse.BodyHandlers.ofFile(part),
            action);
    try {
      if (r.statusCode() != 200) {
        throw new RegistryException(
            "Tried to " + action + " but failed because: GET answered " + r.statusCode(),
            r.statusCode() >= 500);
      }
      Digest got = Digests.of(part);
      if (!got.equals(digest)) {
        throw new RegistryException(
            "Tried to " + action + " but failed because: the content's digest is " + got, true);
      }
      Files.move(part, dest, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to " + action + " but failed because: " + e.getMessage(), true, e);
    } finally {
      deleteQuietly(part);
    }
  }

  /** Reads a small blob (a config) into memory. */
  byte[] read(ImageRef repo, Digest digest) throws RegistryException {
    String action = "read blob " + digest + " from " + repo.repository();
    HttpResponse<byte[]> r =
        http.send(
            repo,
            () -> HttpRequest.newBuilder(http.url(repo, "blobs/" + digest.value())).GET(),
            HttpResponse.BodyHandlers.ofByteArray(),
            action);
    if (r.statusCode() != 200) {
      throw RegistryHttp.unexpected(action, r);
    }
    return r.body();
  }

  private static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a leftover temporary file is harmless
    }
  }
}
