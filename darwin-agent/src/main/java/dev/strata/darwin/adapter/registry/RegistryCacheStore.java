package dev.strata.darwin.adapter.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.darwin.port.ArtifactRegistry;
import dev.strata.darwin.port.CacheEntry;
import dev.strata.darwin.port.CacheStore;
import dev.strata.darwin.port.CacheStoreException;
import dev.strata.darwin.port.RawManifest;
import dev.strata.darwin.port.RegistryException;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Cache archives as OCI artifacts in the cache repository, so one registry holds images, BuildKit
 * caches and Darwin caches. An entry is an OCI manifest with artifact type {@value #ARTIFACT_TYPE},
 * the empty config, one layer (the tar+zstd archive; its digest is the archive's SHA-256) and
 * annotations with the key, the creation and the last access. Its tag is {@code darwin-<key>} (or,
 * for keys a tag cannot hold, a shortened key plus a hash). Saving uploads the blob, then pushes
 * the manifest under the tag: the entry appears only when complete. Recording an access pushes a
 * new manifest under the tag and deletes the old one.
 */
public final class RegistryCacheStore implements CacheStore {
  static final String ARTIFACT_TYPE = "application/vnd.strata.darwin-cache.v1";
  static final String LAYER_TYPE = "application/vnd.strata.darwin-cache.v1.tar+zstd";
  static final String EMPTY_TYPE = "application/vnd.oci.empty.v1+json";
  static final String KEY = "dev.strata.cache.key";
  static final String CREATED = "dev.strata.cache.created";
  static final String LAST_ACCESS = "dev.strata.cache.last-access";
  private static final String PREFIX = "darwin-";
  private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);
  private static final Pattern TAG_SAFE = Pattern.compile("[A-Za-z0-9_.-]+");

  private final ArtifactRegistry registry;
  private final ImageRef repository;
  private final ObjectMapper json = new ObjectMapper();

  public RegistryCacheStore(ArtifactRegistry registry, ImageRef repository) {
    this.registry = registry;
    if (repository.tag() != null || repository.digest() != null) {
      throw new IllegalArgumentException(
          "Invalid cache repository \"" + repository + "\": expected no tag or digest");
    }
    this.repository = repository;
  }

  @Override
  public String name() {
    return "registry:" + repository;
  }

  @Override
  public Optional<CacheEntry> find(String key) throws CacheStoreException {
    try {
      return read(tagOf(key)).map(Stored::entry).filter(e -> e.key().equals(key));
    } catch (RegistryException e) {
      throw new CacheStoreException(e.getMessage(), e);
    }
  }

  @Override
  public List<CacheEntry> list() throws CacheStoreException {
    List<CacheEntry> entries = new ArrayList<>();
    try {
      for (String tag : registry.tags(repository)) {
        if (tag.startsWith(PREFIX)) {
          read(tag).ifPresent(s -> entries.add(s.entry()));
        }
      }
    } catch (RegistryException e) {
      throw new CacheStoreException(e.getMessage(), e);
    }
    return entries;
  }

  @Override
  public Archive fetch(CacheEntry entry, Path scratch) throws CacheStoreException {
    Path file = scratch.resolve(UUID.randomUUID() + ".tar.zst");
    try {
      Files.createDirectories(scratch);
      if (!registry.fetchBlob(repository, digestOf(entry.sha256()), file)) {
        // a manifest whose blob is gone is a damaged entry: an empty file fails the checksum
        Files.write(file, new byte[0]);
      }
      return new Archive(file, true);
    } catch (RegistryException e) {
      throw new CacheStoreException(e.getMessage(), e);
    } catch (IOException e) {
      throw new CacheStoreException(
          "Tried to download cache entry " + entry.key() + " but failed because: " + e, e);
    }
  }

  @Override
  public CacheEntry put(String key, Path archive, String sha256, long bytes, Instant at)
      throws CacheStoreException {
    CacheEntry entry = new CacheEntry(key, bytes, sha256, at, at);
    try {
      registry.pushBlob(repository, digestOf(sha256), archive);
      registry.pushBlob(repository, RawManifest.sha256(EMPTY), EMPTY);
      write(entry);
      return entry;
    } catch (RegistryException e) {
      throw new CacheStoreException(e.getMessage(), e);
    }
  }

  @Override
  public CacheEntry touch(CacheEntry entry, Instant at) throws CacheStoreException {
    CacheEntry touched = entry.accessedAt(at);
    try {
      write(touched);
      return touched;
    } catch (RegistryException e) {
      throw new CacheStoreException(e.getMessage(), e);
    }
  }

  @Override
  public void delete(CacheEntry entry) throws CacheStoreException {
    try {
      Optional<Stored> stored = read(tagOf(entry.key()));
      if (stored.isPresent()) {
        registry.deleteManifest(repository, stored.get().digest());
      }
    } catch (RegistryException e) {
      throw new CacheStoreException(e.getMessage(), e);
    }
  }

  private void write(CacheEntry entry) throws RegistryException {
    String tag = tagOf(entry.key());
    Optional<Stored> previous = read(tag);
    RawManifest manifest = manifestOf(entry);
    Digest pushed = registry.pushManifest(repository, tag, manifest);
    if (previous.isPresent() && !previous.get().digest().equals(pushed)) {
      registry.deleteManifest(repository, previous.get().digest());
    }
  }

  private record Stored(CacheEntry entry, Digest digest) {}

  private Optional<Stored> read(String tag) throws RegistryException {
    Optional<RawManifest> raw = registry.manifest(repository.withTag(tag));
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      JsonNode m = json.readTree(raw.get().bytes());
      JsonNode annotations = m.path("annotations");
      JsonNode layer = m.path("layers").path(0);
      if (!ARTIFACT_TYPE.equals(m.path("artifactType").asText()) || !annotations.has(KEY)) {
        return Optional.empty();
      }
      CacheEntry entry =
          new CacheEntry(
              annotations.get(KEY).asText(),
              layer.path("size").asLong(),
              Digest.of(layer.path("digest").asText()).hex(),
              Instant.parse(annotations.path(CREATED).asText()),
              Instant.parse(annotations.path(LAST_ACCESS).asText()));
      return Optional.of(new Stored(entry, raw.get().digest()));
    } catch (IOException | RuntimeException e) {
      // not one of ours, or damaged: not an entry
      return Optional.empty();
    }
  }

  RawManifest manifestOf(CacheEntry entry) {
    ObjectNode m = json.createObjectNode();
    m.put("schemaVersion", 2);
    m.put("mediaType", RawManifest.OCI_MANIFEST);
    m.put("artifactType", ARTIFACT_TYPE);
    ObjectNode config = m.putObject("config");
    config.put("mediaType", EMPTY_TYPE);
    config.put("digest", RawManifest.sha256(EMPTY).value());
    config.put("size", EMPTY.length);
    ObjectNode layer = m.putArray("layers").addObject();
    layer.put("mediaType", LAYER_TYPE);
    layer.put("digest", digestOf(entry.sha256()).value());
    layer.put("size", entry.bytes());
    ObjectNode annotations = m.putObject("annotations");
    annotations.put(KEY, entry.key());
    annotations.put(CREATED, entry.created().toString());
    annotations.put(LAST_ACCESS, entry.lastAccess().toString());
    try {
      return new RawManifest(RawManifest.OCI_MANIFEST, json.writeValueAsBytes(m));
    } catch (IOException e) {
      throw new IllegalStateException("Tried to write a cache manifest but failed", e);
    }
  }

  /** {@code darwin-<key>} when that is a valid tag, else a shortened key and a hash of it. */
  static String tagOf(String key) {
    String tag = PREFIX + key;
    if (TAG_SAFE.matcher(key).matches() && tag.length() <= 128) {
      return tag;
    }
    String hash = RawManifest.sha256(key.getBytes(StandardCharsets.UTF_8)).hex().substring(0, 16);
    String readable = key.replaceAll("[^A-Za-z0-9_.-]+", "-");
    readable = readable.substring(0, Math.min(readable.length(), 128 - PREFIX.length() - 17));
    return PREFIX + readable + "-" + hash;
  }

  private static Digest digestOf(String sha256) {
    return Digest.of("sha256:" + sha256);
  }
}
