package dev.strata.builder.adapter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.builder.port.ImageRegistry;
import dev.strata.builder.port.RegistryException;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.runtime.registry.ManifestMediaTypes;
import dev.strata.runtime.registry.RawManifest;
import dev.strata.runtime.registry.RegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The builder's {@link ImageRegistry} on runtime's shared {@link RegistryClient} (credentials,
 * token auth, retries). Manifests are copied byte for byte, so a digest is the same in every
 * repository it is copied to; blobs are mounted across repositories where the registry allows it.
 */
public final class HttpImageRegistry implements ImageRegistry {
  private static final String EMPTY_CONFIG_TYPE = "application/vnd.oci.empty.v1+json";
  private static final byte[] EMPTY_CONFIG = {'{', '}'};

  private final RegistryClient client;
  private final ObjectMapper json;

  public HttpImageRegistry(RegistryClient client, ObjectMapper json) {
    this.client = client;
    this.json = json;
  }

  @Override
  public Optional<Digest> resolve(ImageRef ref) throws RegistryException {
    try {
      return client.resolve(ref);
    } catch (dev.strata.runtime.registry.RegistryException e) {
      throw wrap(e);
    }
  }

  @Override
  public void copy(ImageRef source, ImageRef target) throws RegistryException {
    try {
      RawManifest m = require(source);
      ImageRef targetRepo = ImageRef.of(target.repository());
      copyChildren(source, targetRepo, m);
      if (target.tag() != null) {
        client.pushTagged(targetRepo, target.tag(), m);
      } else {
        client.pushManifest(targetRepo, m);
      }
    } catch (dev.strata.runtime.registry.RegistryException e) {
      throw wrap(e);
    }
  }

  private void copyChildren(ImageRef source, ImageRef targetRepo, RawManifest m)
      throws RegistryException, dev.strata.runtime.registry.RegistryException {
    JsonNode tree = tree(m, source);
    if (ManifestMediaTypes.isIndex(m.mediaType()) || tree.has("manifests")) {
      for (JsonNode child : tree.path("manifests")) {
        ImageRef childSource = source.withDigest(Digest.of(child.path("digest").asText()));
        RawManifest cm = require(childSource);
        copyChildren(childSource, targetRepo, cm);
        client.pushManifest(targetRepo, cm);
      }
      return;
    }
    ImageRef sourceRepo = ImageRef.of(source.repository());
    for (Digest d : blobDigests(tree)) {
      client.copyBlob(sourceRepo, targetRepo, d);
    }
  }

  @Override
  public Digest putLabelledVariant(ImageRef source, ImageRef target, String label, String value)
      throws RegistryException {
    try {
      RawManifest m = require(source);
      JsonNode tree = tree(m, source);
      if (!tree.has("config")) {
        throw new RegistryException(
            "Tried to write a labelled variant of "
                + source
                + " but failed because: it is an index, not an image manifest",
            false);
      }
      ObjectNode manifest = (ObjectNode) tree;
      ImageRef sourceRepo = ImageRef.of(source.repository());
      ImageRef targetRepo = ImageRef.of(target.repository());
      for (Digest d : blobDigests(manifest)) {
        client.copyBlob(sourceRepo, targetRepo, d);
      }
      ObjectNode configDesc = (ObjectNode) manifest.get("config");
      byte[] configBytes = client.blob(sourceRepo, Digest.of(configDesc.path("digest").asText()));
      byte[] newConfig = labelled(configBytes, label, value, source);
      Digest newDigest = RawManifest.sha256(newConfig);
      client.pushBlob(targetRepo, newDigest, newConfig);
      configDesc.put("digest", newDigest.value());
      configDesc.put("size", newConfig.length);
      return client.pushTagged(
          targetRepo,
          target.tag(),
          RawManifest.of(m.mediaType(), json.writeValueAsBytes(manifest)));
    } catch (dev.strata.runtime.registry.RegistryException e) {
      throw wrap(e);
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to write a labelled variant of " + source + " but failed because: " + e, false, e);
    }
  }

  private byte[] labelled(byte[] configBytes, String label, String value, ImageRef source)
      throws RegistryException, IOException {
    JsonNode parsed;
    try {
      parsed = json.readTree(configBytes);
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to write a labelled variant of "
              + source
              + " but failed because: its config is not JSON: "
              + e.getMessage(),
          false,
          e);
    }
    ObjectNode config = (ObjectNode) parsed;
    ObjectNode runConfig =
        config.path("config").isObject()
            ? (ObjectNode) config.get("config")
            : config.putObject("config");
    ObjectNode labels =
        runConfig.path("Labels").isObject()
            ? (ObjectNode) runConfig.get("Labels")
            : runConfig.putObject("Labels");
    labels.put(label, value);
    return json.writeValueAsBytes(config);
  }

  @Override
  public List<String> tags(ImageRef repository) throws RegistryException {
    try {
      return client.tags(ImageRef.of(repository.repository()));
    } catch (dev.strata.runtime.registry.RegistryException e) {
      if (e.isNotFound()) {
        return List.of();
      }
      throw wrap(e);
    }
  }

  @Override
  public void delete(ImageRef manifest) throws RegistryException {
    try {
      ImageRef repo = ImageRef.of(manifest.repository());
      Optional<Digest> digest =
          manifest.digest() != null ? Optional.of(manifest.digest()) : client.resolveTag(manifest);
      if (digest.isPresent()) {
        client.deleteManifest(repo, digest.get());
      }
    } catch (dev.strata.runtime.registry.RegistryException e) {
      throw wrap(e);
    }
  }

  @Override
  public Digest pushArtifact(ImageRef ref, Path file, String artifactType, String layerMediaType)
      throws RegistryException {
    ImageRef repo = ImageRef.of(ref.repository());
    try {
      Digest layer = sha256(file);
      client.pushBlob(repo, layer, file);
      client.pushBlob(repo, RawManifest.sha256(EMPTY_CONFIG), EMPTY_CONFIG);
      ObjectNode m = json.createObjectNode();
      m.put("schemaVersion", 2);
      m.put("mediaType", ManifestMediaTypes.OCI_MANIFEST);
      m.put("artifactType", artifactType);
      ObjectNode c = m.putObject("config");
      c.put("mediaType", EMPTY_CONFIG_TYPE);
      c.put("digest", RawManifest.sha256(EMPTY_CONFIG).value());
      c.put("size", EMPTY_CONFIG.length);
      ArrayNode layers = m.putArray("layers");
      ObjectNode l = layers.addObject();
      l.put("mediaType", layerMediaType);
      l.put("digest", layer.value());
      l.put("size", Files.size(file));
      l.putObject("annotations")
          .put("org.opencontainers.image.title", file.getFileName().toString());
      return client.pushTagged(
          repo,
          ref.tag(),
          RawManifest.of(ManifestMediaTypes.OCI_MANIFEST, json.writeValueAsBytes(m)));
    } catch (dev.strata.runtime.registry.RegistryException e) {
      throw wrap(e);
    } catch (IOException e) {
      throw new RegistryException(
          "Tried to push artifact " + ref + " but failed because: " + e.getMessage(), true, e);
    }
  }

  @Override
  public Optional<Digest> pullArtifact(ImageRef ref, Path dest) throws RegistryException {
    try {
      Optional<RawManifest> m = client.manifest(ref);
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
      client.downloadBlob(
          ImageRef.of(ref.repository()), Digest.of(layers.get(0).path("digest").asText()), dest);
      return Optional.of(m.get().digest());
    } catch (dev.strata.runtime.registry.RegistryException e) {
      throw wrap(e);
    }
  }

  private RawManifest require(ImageRef ref)
      throws RegistryException, dev.strata.runtime.registry.RegistryException {
    return client
        .manifest(ref)
        .orElseThrow(
            () ->
                new RegistryException(
                    "Tried to read the manifest of " + ref + " but failed because: not found",
                    false));
  }

  private JsonNode tree(RawManifest m, ImageRef ref) throws RegistryException {
    try {
      return json.readTree(m.bytes());
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
      out.add(Digest.of(manifest.get("config").path("digest").asText()));
    }
    manifest.path("layers").forEach(l -> out.add(Digest.of(l.path("digest").asText())));
    return out;
  }

  /** {@code sha256:<hex>} of a file, read in a stream (ccache archives can be large). */
  static Digest sha256(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return Digest.of("sha256:" + HexFormat.of().formatHex(md.digest()));
  }

  private static RegistryException wrap(dev.strata.runtime.registry.RegistryException e) {
    return new RegistryException(e.getMessage(), e.isTransient(), e);
  }
}
