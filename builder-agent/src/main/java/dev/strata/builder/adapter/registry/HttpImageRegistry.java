package dev.strata.builder.adapter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.builder.adapter.registry.Manifests.Manifest;
import dev.strata.builder.port.ImageRegistry;
import dev.strata.builder.port.RegistryException;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link ImageRegistry} over the registry HTTP API v2 with {@code java.net.http} and Jackson (no
 * registry library fits: STACK-NOTES "Registry"). Manifests are copied byte for byte, so a digest
 * is the same in every repository it is copied to.
 */
public final class HttpImageRegistry implements ImageRegistry {
  private static final String EMPTY_CONFIG_TYPE = "application/vnd.oci.empty.v1+json";
  private static final byte[] EMPTY_CONFIG = {'{', '}'};

  private final RegistryHttp http;
  private final Manifests manifests;
  private final Blobs blobs;
  private final Path tmpDir;

  /**
   * @param tmpDir where blobs in transit are buffered
   * @param basicAuth base64 {@code user:password} per registry host, if any
   */
  public HttpImageRegistry(
      ObjectMapper json, Path tmpDir, Function<String, Optional<String>> basicAuth) {
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.http = new RegistryHttp(client, json, basicAuth);
    this.manifests = new Manifests(http);
    this.blobs = new Blobs(http);
    this.tmpDir = tmpDir;
  }

  @Override
  public Optional<Digest> resolve(ImageRef ref) throws RegistryException {
    return manifests.head(ref);
  }

  @Override
  public void copy(ImageRef source, ImageRef target) throws RegistryException {
    Manifest m = require(source);
    copyChildren(source, target, m);
    manifests.put(target, m.bytes(), m.mediaType());
  }

  private void copyChildren(ImageRef source, ImageRef target, Manifest m) throws RegistryException {
    JsonNode tree = tree(m, source);
    if (tree.has("manifests")) {
      for (JsonNode child : tree.get("manifests")) {
        Digest d = Digest.of(child.get("digest").asText());
        ImageRef childSource = source.withDigest(d);
        Manifest cm = require(childSource);
        copyChildren(childSource, target, cm);
        manifests.put(ImageRef.of(target.repository()), cm.bytes(), cm.mediaType());
      }
      return;
    }
    for (Digest d : blobDigests(tree)) {
      blobs.ensure(source, ImageRef.of(target.repository()), d, tmpDir);
    }
  }

  @Override
  public Digest putLabelledVariant(ImageRef source, ImageRef target, String label, String value)
      throws RegistryException {
    Manifest m = require(source);
    ObjectNode manifest = (ObjectNode) tree(m, source);
    if (!manifest.has("config")) {
      throw new RegistryException(
          "Tried to write a labelled variant of "
              + source
              + " but failed because: it is an index, not an image manifest",
          false);
    }
    ImageRef targetRepo = ImageRef.of(target.repository());
    for (Digest d : blobDigests(manifest)) {
      blobs.ensure(source, targetRepo, d, tmpDir);
    }
    ObjectNode configDesc = (ObjectNode) manifest.get("config");
    Digest configDigest = Digest.of(configDesc.get("digest").asText());
    byte[] configBytes = blobs.read(source, configDigest);
    try {
      ObjectNode config = (ObjectNode) http.json().readTree(configBytes);
      ObjectNode runConfig =
          config.has("config") && config.get("config").isObject()
              ? (ObjectNode) config.get("config")
              : config.putObject("config");
      ObjectNode labels =
          runConfig.has("Labels") && runConfig.get("Labels").isObject()
              ? (ObjectNode) runConfig.get("Labels")
              : runConfig.putObject("Labels");
      labels.put(label, value);
      byte[] newConfig = http.json().writeValueAsBytes(config);
      Digest newDigest = blobs.upload(targetRepo, newConfig, tmpDir);
      configDesc.put("digest", newDigest.value());
      configDesc.put("size", newConfig.length);
      return manifests.put(target, http.json().writeValueAsBytes(manifest), m.mediaType());
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to write a labelled variant of "
              + source
              + " but failed because: its config is not JSON: "
              + e.getMessage(),
          false,
          e);
    }
  }

  @Override
  public List<String> tags(ImageRef repository) throws RegistryException {
    String action = "list the tags of " + repository.repository();
    HttpResponse<byte[]> r =
        http.send(
            repository,
            () -> HttpRequest.newBuilder(http.url(repository, "tags/list")).GET(),
            HttpResponse.BodyHandlers.ofByteArray(),
            action);
    if (r.statusCode() == 404) {
      return List.of();
    }
    if (r.statusCode() != 200) {
      throw RegistryHttp.unexpected(action, r);
    }
    try {
      JsonNode tags = http.json().readTree(r.body()).get("tags");
      List<String> out = new ArrayList<>();
      if (tags != null && tags.isArray()) {
        tags.forEach(t -> out.add(t.asText()));
      }
      return out;
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to " + action + " but failed because: " + e.getMessage(), false, e);
    }
  }

  @Override
  public void delete(ImageRef manifest) throws RegistryException {
    manifests.delete(manifest);
  }

  @Override
  public Digest pushArtifact(ImageRef ref, Path file, String artifactType, String layerMediaType)
      throws RegistryException {
    ImageRef repo = ImageRef.of(ref.repository());
    try {
      Digest layer = Digests.of(file);
      if (!blobs.exists(repo, layer)) {
        blobs.upload(repo, file, layer);
      }
      Digest config = blobs.upload(repo, EMPTY_CONFIG, tmpDir);
      ObjectNode m = http.json().createObjectNode();
      m.put("schemaVersion", 2);
      m.put("mediaType", RegistryHttp.OCI_MANIFEST);
      m.put("artifactType", artifactType);
      ObjectNode c = m.putObject("config");
      c.put("mediaType", EMPTY_CONFIG_TYPE);
      c.put("digest", config.value());
      c.put("size", EMPTY_CONFIG.length);
      ArrayNode layers = m.putArray("layers");
      ObjectNode l = layers.addObject();
      l.put("mediaType", layerMediaType);
      l.put("digest", layer.value());
      l.put("size", Files.size(file));
      l.putObject("annotations")
          .put("org.opencontainers.image.title", file.getFileName().toString());
      return manifests.put(ref, http.json().writeValueAsBytes(m), RegistryHttp.OCI_MANIFEST);
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to push artifact " + ref + " but failed because: " + e.getMessage(), true, e);
    }
  }

  @Override
  public Optional<Digest> pullArtifact(ImageRef ref, Path dest) throws RegistryException {
    Optional<Manifest> m = manifests.get(ref);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    JsonNode layers = tree(m.get(), ref).get("layers");
    if (layers == null || layers.size() != 1) {
      throw new RegistryException(
          "Tried to pull artifact "
              + ref
              + " but failed because: expected one layer, found "
              + (layers == null ? 0 : layers.size()),
          false);
    }
    blobs.download(
        ImageRef.of(ref.repository()), Digest.of(layers.get(0).get("digest").asText()), dest);
    return Optional.of(m.get().digest());
  }

  private Manifest require(ImageRef ref) throws RegistryException {
    return manifests
        .get(ref)
        .orElseThrow(
            () ->
                new RegistryException(
                    "Tried to read the manifest of " + ref + " but failed because: not found",
                    false));
  }

  private JsonNode tree(Manifest m, ImageRef ref) throws RegistryException {
    try {
      return http.json().readTree(m.bytes());
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to parse the manifest of " + ref + " but failed because: " + e.getMessage(),
          false,
          e);
    }
  }

  private static List<Digest> blobDigests(JsonNode manifest) {
    List<Digest> out = new ArrayList<>();
    if (manifest.has("config")) {
      out.add(Digest.of(manifest.get("config").get("digest").asText()));
    }
    if (manifest.has("layers")) {
      manifest.get("layers").forEach(l -> out.add(Digest.of(l.get("digest").asText())));
    }
    return out;
  }
}
