package dev.strata.merge.core;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.cache.api.EvictCache;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.merge.port.ImageRegistry;
import dev.strata.runtime.registry.RawManifest;
import dev.strata.runtime.registry.RegistryException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Evicts a registry cache tag: resolves it to its digest, finds the other tags on that digest
 * (deleting a digest removes them all, so they are a warning and need {@code force}), deletes by
 * digest and records {@code EvictCache} (who, why, digest, the tags that went with it).
 */
public final class CacheEvictor {
  private final ImageRegistry registry;
  private final Consumer<EvictCache> recorder;
  private final Clock clock;

  /** {@code recorder} sends the command (and waits for it). */
  public CacheEvictor(ImageRegistry registry, Consumer<EvictCache> recorder, Clock clock) {
    this.registry = registry;
    this.recorder = recorder;
    this.clock = clock;
  }

  /** What an eviction did. */
  public record Evicted(CacheRef ref, Digest digest, List<String> alsoRemoved, long bytes) {}

  /** Evicts {@code ref}; see the class comment. */
  public Evicted evict(CacheRef ref, String reason, String evictedBy, boolean force)
      throws RegistryException, CacheEvictionRefused {
    ImageRef repository = ImageRef.of(ref.image().repository());
    Optional<RawManifest> manifest = registry.manifest(ref.image());
    if (manifest.isEmpty()) {
      throw new CacheEvictionRefused(
          "Tried to evict "
              + ref
              + " but failed because: 404 there is no such tag in "
              + repository
              + " (nothing to evict; `strata cache list --repo "
              + repository
              + "` shows its tags)",
          true);
    }
    Digest digest = manifest.get().digest();
    List<String> others = otherTagsOn(repository, digest, ref.tag());
    if (!others.isEmpty() && !force) {
      throw new CacheEvictionRefused(
          "Tried to evict "
              + ref
              + " but failed because: registries delete by digest and "
              + digest
              + " also carries "
              + others
              + ", which would go too; re-run with --force to evict them all",
          false);
    }
    return delete(ref, digest, others, CacheCatalog.sizeOf(manifest.get()), reason, evictedBy);
  }

  /** Evicts an entry listed a moment ago whose sharing tags are known. */
  Evicted evictListed(CacheEntry entry, List<String> others, String reason, String evictedBy)
      throws RegistryException {
    return delete(entry.ref(), entry.digest(), others, entry.bytes(), reason, evictedBy);
  }

  private Evicted delete(
      CacheRef ref, Digest digest, List<String> others, long bytes, String reason, String by)
      throws RegistryException {
    registry.deleteManifest(ImageRef.of(ref.image().repository()), digest);
    recorder.accept(
        new EvictCache(
            UUID.randomUUID().toString(),
            "registry",
            ref.toString(),
            digest,
            others,
            reason,
            by,
            bytes,
            clock.instant()));
    return new Evicted(ref, digest, others, bytes);
  }

  private List<String> otherTagsOn(ImageRef repository, Digest digest, String except)
      throws RegistryException {
    List<String> others = new ArrayList<>();
    for (String tag : registry.tags(repository)) {
      if (!tag.equals(except)
          && registry.resolveTag(repository.withTag(tag)).filter(digest::equals).isPresent()) {
        others.add(tag);
      }
    }
    return others;
  }
}
