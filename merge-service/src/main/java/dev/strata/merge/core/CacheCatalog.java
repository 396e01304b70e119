package dev.strata.merge.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.merge.port.ImageRegistry;
import dev.strata.runtime.registry.RawManifest;
import dev.strata.runtime.registry.RegistryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lists the tags of cache repositories with their digest and size (from the registry) and their
 * last write and reads (from the log).
 */
public final class CacheCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ImageRegistry registry;

  public CacheCatalog(ImageRegistry registry) {
    this.registry = registry;
  }

  /** Every tag of {@code repository}, sorted by name. */
  public List<CacheEntry> list(ImageRef repository, CacheInventory inventory)
      throws RegistryException {
    List<String> tags = new ArrayList<>(registry.tags(repository));
    tags.sort(null);
    List<CacheEntry> entries = new ArrayList<>();
    for (String tag : tags) {
      CacheRef ref = new CacheRef(ImageRef.of(repository.repository()).withTag(tag));
      Optional<RawManifest> manifest = registry.manifest(ref.image());
      if (manifest.isEmpty()) {
        continue; // deleted while listing
      }
      entries.add(
          new CacheEntry(
              ref,
              CacheEntry.kindOf(tag),
              manifest.get().digest(),
              sizeOf(manifest.get()),
              inventory.find(ref).orElse(null)));
    }
    return entries;
  }

  /** The manifest's own size plus every descriptor it lists (config, layers or entries). */
  static long sizeOf(RawManifest manifest) {
    try {
      JsonNode root = JSON.readTree(manifest.bytes());
      long total = manifest.size();
      total += root.path("config").path("size").asLong(0);
      for (JsonNode layer : root.path("layers")) {
        total += layer.path("size").asLong(0);
      }
      for (JsonNode entry : root.path("manifests")) {
        total += entry.path("size").asLong(0);
      }
      return total;
    } catch (IOException e) {
      return -1;
    }
  }
}
