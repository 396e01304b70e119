package dev.strata.darwin.adapter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.darwin.adapter.registry.RegistryAuth.Credentials;
import dev.strata.darwin.port.ArtifactRegistry;
import dev.strata.darwin.port.RawManifest;
import dev.strata.darwin.port.RegistryException;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The registry HTTP API (distribution v2 / OCI distribution) on {@code java.net.http}: blob
 * HEAD/POST/PUT/GET, manifest GET/PUT/DELETE, tag listing. Loopback registries are spoken to over
 * plain HTTP (as dockerd treats them), others over HTTPS; {@code docker.io} is {@code
 * registry-1.docker.io}. Failures without an answer, 429 and 5xx are retried twice.
 *
 * <p>Minimal on purpose: the merge-service has a fuller client (branch {@code merge}); once a
 * shared client lives in {@code runtime}, this adapter becomes a wrapper around it.
 */
public final class HttpArtifactRegistry implements ArtifactRegistry {
  private static final String ACCEPT =
      String.join(
          ",",
          RawManifest.OCI_MANIFEST,
          "application/vnd.oci.image.index.v1+json",
          "application/vnd.docker.distribution.manifest.v2+json",
          "application/vnd.docker.distribution.manifest.list.v2+json");
  private static final long[] BACKOFF_MILLIS = {200, 1000};

  private final HttpClient http;
  private final RegistryAuth auth;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param credentials the user and password for a registry host, if any (anonymous otherwise)
   */
  public HttpArtifactRegistry(Function<String, Optional<String[]>> credentials) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.auth =
        new RegistryAuth(
            http, host -> credentials.apply(host).map(c -> new Credentials(c[0], c[1])));
  }

  /** A client without credentials. */
  public static HttpArtifactRegistry anonymous() {
    return new HttpArtifactRegistry(host -> Optional.empty());
  }

  @Override
  public boolean hasBlob(ImageRef repository, Digest digest) throws RegistryException {
    int status =
        send(
                repository,
                "HEAD",
                "/blobs/" + digest,
                BodyPublishers::noBody,
                BodyHandlers.discarding(),
                null)
            .statusCode();
    return expect(status, "check blob " + digest + " in " + repository, 200, 404) == 200;
  }

  @Override
  public void pushBlob(ImageRef repository, Digest digest, Path file) throws RegistryException {
    upload(repository, digest, () -> publisherOf(file));
  }

  @Override
  public void pushBlob(ImageRef repository, Digest digest, byte[] data) throws RegistryException {
    upload(repository, digest, () -> BodyPublishers.ofByteArray(data));
  }

  private static BodyPublisher publisherOf(Path file) {
    try {
      return BodyPublishers.ofFile(file);
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalStateException("the blob file " + file + " disappeared", e);
    }
  }

  private void upload(ImageRef repository, Digest digest, Supplier<BodyPublisher> body)
      throws RegistryException {
    if (hasBlob(repository, digest)) {
      return;
    }
    String action = "upload blob " + digest + " to " + repository;
    HttpResponse<Void> start =
        send(
            repository,
            "POST",
            "/blobs/uploads/",
            BodyPublishers::noBody,
            BodyHandlers.discarding(),
            null);
    expect(start.statusCode(), action, 202);
    String location =
        start
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> failed(action, "the registry gave no upload location"));
    URI put = base(repository).resolve(location);
    String sep = put.getRawQuery() == null ? "?" : "&";
    URI target = URI.create(put + sep + "digest=" + digest.value().replace(":", "%3A"));
    HttpResponse<String> done =
        sendTo(
            repository, "PUT", target, body, BodyHandlers.ofString(), "application/octet-stream");
    expect(done.statusCode(), action, 201);
  }

  @Override
  public boolean fetchBlob(ImageRef repository, Digest digest, Path target)
      throws RegistryException {
    Path part = target.resolveSibling(target.getFileName() + ".part");
    HttpResponse<Path> response =
        send(
            repository,
            "GET",
            "/blobs/" + digest,
            BodyPublishers::noBody,
            BodyHandlers.ofFile(part),
            null);
    if (expect(response.statusCode(), "download blob " + digest + " from " + repository, 200, 404)
        == 404) {
      deleteQuietly(part);
      return false;
    }
    try {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to download blob " + digest + " but failed because: " + e.getMessage(), e);
    }
    return true;
  }

  @Override
  public Optional<RawManifest> manifest(ImageRef ref) throws RegistryException {
    String reference = ref.digest() != null ? ref.digest().value() : ref.tag();
    ImageRef repository = ImageRef.of(ref.repository());
    HttpResponse<byte[]> response =
        send(
            repository,
            "GET",
            "/manifests/" + reference,
            BodyPublishers::noBody,
            BodyHandlers.ofByteArray(),
            null);
    if (expect(response.statusCode(), "read manifest " + ref, 200, 404) == 404) {
      return Optional.empty();
    }
    String type = response.headers().firstValue("Content-Type").orElse(RawManifest.OCI_MANIFEST);
    return Optional.of(new RawManifest(type.split(";")[0].trim(), response.body()));
  }

  @Override
  public Digest pushManifest(ImageRef repository, String reference, RawManifest manifest)
      throws RegistryException {
    HttpResponse<String> response =
        sendTo(
            repository,
            "PUT",
            url(repository, "/manifests/" + reference),
            () -> BodyPublishers.ofByteArray(manifest.bytes()),
            BodyHandlers.ofString(),
            manifest.mediaType());
    expect(response.statusCode(), "push manifest " + repository + ":" + reference, 201);
    return response
        .headers()
        .firstValue("Docker-Content-Digest")
        .map(Digest::of)
        .orElse(manifest.digest());
  }

  @Override
  public boolean deleteManifest(ImageRef repository, Digest digest) throws RegistryException {
    int status =
        send(
                repository,
                "DELETE",
                "/manifests/" + digest,
                BodyPublishers::noBody,
                BodyHandlers.discarding(),
                null)
            .statusCode();
    return expect(status, "delete manifest " + digest + " from " + repository, 202, 404) == 202;
  }

  @Override
  public List<String> tags(ImageRef repository) throws RegistryException {
    List<String> tags = new ArrayList<>();
    URI next = url(repository, "/tags/list?n=1000");
    while (next != null) {
      HttpResponse<String> response =
          sendTo(repository, "GET", next, BodyPublishers::noBody, BodyHandlers.ofString(), null);
      if (expect(response.statusCode(), "list the tags of " + repository, 200, 404) == 404) {
        return tags;
      }
      try {
        JsonNode list = json.readTree(response.body()).path("tags");
        list.forEach(t -> tags.add(t.asText()));
      } catch (IOException e) {
        throw failed("list the tags of " + repository, "the answer is not JSON: " + e.getMessage());
      }
      next =
          response
              .headers()
              .firstValue("Link")
              .map(link -> link.replaceAll("^<([^>]*)>.*$", "$1"))
              .map(link -> base(repository).resolve(link))
              .orElse(null);
    }
    return tags;
  }

  private <T> HttpResponse<T> send(
      ImageRef repository,
      String method,
      String suffix,
      Supplier<BodyPublisher> body,
      BodyHandler<T> handler,
      String contentType)
      throws RegistryException {
    return sendTo(repository, method, url(repository, suffix), body, handler, contentType);
  }

  private <T> HttpResponse<T> sendTo(
      ImageRef repository,
      String method,
      URI uri,
      Supplier<BodyPublisher> body,
      BodyHandler<T> handler,
      String contentType)
      throws RegistryException {
    String host = repository.registry();
    String path = repository.path();
    String action = method + " " + uri;
    for (int attempt = 0; ; attempt++) {
      try {
        HttpResponse<T> response =
            http.send(request(method, uri, body, contentType, auth.header(host, path)), handler);
        if (response.statusCode() == 401) {
          Optional<String> header =
              auth.answer(
                  host, path, response.headers().firstValue("WWW-Authenticate").orElse(null));
          if (header.isPresent()) {
            response = http.send(request(method, uri, body, contentType, header), handler);
          }
        }
        if ((response.statusCode() == 429 || response.statusCode() >= 500)
            && attempt < BACKOFF_MILLIS.length) {
          Thread.sleep(BACKOFF_MILLIS[attempt]);
          continue;
        }
        return response;
      } catch (IOException e) {
        if (attempt < BACKOFF_MILLIS.length) {
          sleep(BACKOFF_MILLIS[attempt]);
          continue;
        }
        throw new RegistryException("Tried to " + action + " but failed because: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RegistryException("Tried to " + action + " but failed because: interrupted", e);
      }
    }
  }

  private static HttpRequest request(
      String method,
      URI uri,
      Supplier<BodyPublisher> body,
      String contentType,
      Optional<String> authorization) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30)).method(method, body.get());
    b.header("Accept", ACCEPT);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    authorization.ifPresent(a -> b.header("Authorization", a));
    return b.build();
  }

  private static void sleep(long millis) throws RegistryException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException("Interrupted while waiting to retry a registry request", e);
    }
  }

  private static int expect(int status, String action, int... accepted) throws RegistryException {
    for (int a : accepted) {
      if (status == a) {
        return status;
      }
    }
    throw failed(action, "the registry answered HTTP " + status);
  }

  private static RegistryException failed(String action, String reason) {
    return new RegistryException("Tried to " + action + " but failed because: " + reason);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stale .part file is overwritten by the next download
    }
  }

  private static URI url(ImageRef repository, String suffix) {
    return URI.create(base(repository) + "/v2/" + repository.path() + suffix);
  }

  /** {@code http://host} for loopback registries, else {@code https://host}. */
  static URI base(ImageRef repository) {
    String host = repository.registry();
    if (host.equals("docker.io")) {
      return URI.create("https://registry-1.docker.io");
    }
    String name = host.replaceAll(":[0-9]+$", "");
    boolean loopback = name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]");
    return URI.create((loopback ? "http://" : "https://") + host);
  }
}
