package dev.strata.builder.adapter.noop;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pushes one tiny image per (repository, platform) by digest, untagged: an OCI manifest with no
 * layers whose config states the platform, so a merge can build a real index from it. The content
 * is fixed, so the digest is the same every time and in every repository; each pair is pushed once
 * per process. Pushes anonymously over plain HTTP to loopback registries and HTTPS elsewhere (the
 * noop driver serves throughput measurements against a local registry).
 */
final class SeedImagePusher {
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";

  private final HttpClient http;
  private final Map<String, Digest> pushed = new ConcurrentHashMap<>();

  SeedImagePusher(HttpClient http) {
    this.http = http;
  }

  /** The config of the seed image for {@code platform} ({@code os/arch[/variant]}). */
  static byte[] config(String platform) {
    String[] p = platform.split("/");
    if (p.length < 2 || p[0].isBlank() || p[1].isBlank()) {
      throw new IllegalArgumentException(
          "Invalid platform \"" + platform + "\": expected os/architecture, e.g. linux/amd64");
    }
    String variant = p.length > 2 ? ",\"variant\":\"" + p[2] + "\"" : "";
    return ("{\"architecture\":\""
            + p[1]
            + "\",\"config\":{\"Labels\":{\"dev.strata.noop\":\"true\"}},\"os\":\""
            + p[0]
            + "\""
            + variant
            + ",\"rootfs\":{\"diff_ids\":[],\"type\":\"layers\"}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The OCI manifest of the seed image whose config is {@code config}. */
  static byte[] manifest(byte[] config) {
    return ("{\"schemaVersion\":2,\"mediaType\":\""
            + OCI_MANIFEST
            + "\",\"config\":{\"mediaType\":\""
            + OCI_CONFIG
            + "\",\"digest\":\""
            + digestOf(config)
            + "\",\"size\":"
            + config.length
            + "},\"layers\":[]}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** {@code sha256:<hex>} of {@code bytes}. */
  static Digest digestOf(byte[] bytes) {
    try {
      return Digest.of(
          "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /**
   * Makes sure the seed image for {@code platform} is in {@code repository}; returns its digest.
   *
   * @throws IOException when the registry refuses or cannot be reached
   */
  Digest ensure(ImageRef repository, String platform) throws IOException, InterruptedException {
    String key = repository.repository() + " " + platform;
    Digest known = pushed.get(key);
    if (known != null) {
      return known;
    }
    byte[] config = config(platform);
    byte[] manifest = manifest(config);
    Digest configDigest = digestOf(config);
    String base = base(repository.registry()) + "/v2/" + repository.path();
    if (status(
            HttpRequest.newBuilder(URI.create(base + "/blobs/" + configDigest))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()))
        != 200) {
      uploadBlob(base, config, configDigest, repository);
    }
    Digest digest = digestOf(manifest);
    int put =
        status(
            HttpRequest.newBuilder(URI.create(base + "/manifests/" + digest))
                .header("Content-Type", OCI_MANIFEST)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)));
    if (put != 201) {
      throw new IOException(
          "Tried to push the noop seed image "
              + repository.repository()
              + "@"
              + digest
              + " but failed because: the registry answered "
              + put);
    }
    pushed.put(key, digest);
    return digest;
  }

  private void uploadBlob(String base, byte[] blob, Digest digest, ImageRef repository)
      throws IOException, InterruptedException {
    HttpResponse<Void> start =
        http.send(
            request(URI.create(base + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    String location = start.headers().firstValue("Location").orElse(null);
    if (start.statusCode() != 202 || location == null) {
      throw new IOException(
          "Tried to start a blob upload to "
              + repository.repository()
              + " but failed because: the registry answered "
              + start.statusCode());
    }
    URI upload = URI.create(base).resolve(location);
    String sep = upload.getQuery() == null ? "?" : "&";
    int put =
        status(
            HttpRequest.newBuilder(URI.create(upload + sep + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)));
    if (put != 201) {
      throw new IOException(
          "Tried to upload blob "
              + digest
              + " to "
              + repository.repository()
              + " but failed because: the registry answered "
              + put);
    }
  }

  private int status(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(
            request.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(1));
  }

  static String base(String registry) {
    String host = registry.equals("docker.io") ? "registry-1.docker.io" : registry;
    String bare = host.replaceFirst(":\\d+$", "");
    boolean loopback = bare.equals("localhost") || bare.startsWith("127.") || bare.equals("[::1]");
    return (loopback ? "http://" : "https://") + host;
  }
}
