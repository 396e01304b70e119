package dev.strata.darwin.core;

import dev.strata.darwin.port.CacheArchiver;
import dev.strata.darwin.port.CacheEntry;
import dev.strata.darwin.port.CachePath;
import dev.strata.darwin.port.CacheStore;
import dev.strata.darwin.port.CacheStore.Archive;
import dev.strata.darwin.port.CacheStoreException;
import dev.strata.domain.darwin.model.CacheKey;
import dev.strata.domain.darwin.model.RestoreOutcome;
import dev.strata.domain.run.api.CacheOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores one cache as {@code actions/cache} does: the exact key first, then, for each restore
 * prefix in order, the newest entry whose key starts with it. The archive's SHA-256 is checked
 * before anything is extracted; a corrupt or truncated archive is reported, deleted and treated as
 * a miss, and the build goes on. A store that cannot be reached is a miss too.
 */
public final class CacheRestorer {
  private static final Logger LOG = LoggerFactory.getLogger(CacheRestorer.class);

  /**
   * How a restore went.
   *
   * @param key the key looked for
   * @param outcome HIT, PARTIAL, MISS or CORRUPT
   * @param matchedKey the entry's key (for CORRUPT: the deleted one), or null on a miss
   * @param bytes the archive's size, 0 on a miss
   * @param files the files extracted
   * @param reason why it missed or was corrupt, or null
   */
  public record Restored(
      CacheKey key,
      CacheOutcome outcome,
      String matchedKey,
      long bytes,
      long files,
      String reason) {
    /** The outcome as the save policy reads it: a corrupt archive counts as a miss. */
    public RestoreOutcome forSavePolicy() {
      return switch (outcome) {
        case HIT -> RestoreOutcome.EXACT_HIT;
        case PARTIAL -> RestoreOutcome.PREFIX_HIT;
        case MISS, CORRUPT -> RestoreOutcome.MISS;
      };
    }
  }

  private final CacheStore store;
  private final CacheArchiver archiver;

  public CacheRestorer(CacheStore store, CacheArchiver archiver) {
    this.store = store;
    this.archiver = archiver;
  }

  /** Restores {@code key} into {@code paths}; {@code at} becomes the entry's last access. */
  public Restored restore(CacheKey key, List<CachePath> paths, Instant at, Path scratch) {
    Optional<CacheEntry> found;
    CacheOutcome outcome;
    try {
      found = store.find(key.key());
      outcome = CacheOutcome.HIT;
      if (found.isEmpty()) {
        found = newestForPrefixes(key.restorePrefixes());
        outcome = CacheOutcome.PARTIAL;
      }
    } catch (CacheStoreException e) {
      LOG.warn("Cache {} treated as a miss: {}", key, e.getMessage());
      return new Restored(key, CacheOutcome.MISS, null, 0, 0, e.getMessage());
    }
    if (found.isEmpty()) {
      return new Restored(key, CacheOutcome.MISS, null, 0, 0, null);
    }
    return extract(key, found.get(), outcome, paths, at, scratch);
  }

  private Optional<CacheEntry> newestForPrefixes(List<String> prefixes) throws CacheStoreException {
    if (prefixes.isEmpty()) {
      return Optional.empty();
    }
    List<CacheEntry> all = store.list();
    for (String prefix : prefixes) {
      Optional<CacheEntry> newest =
          all.stream()
              .filter(e -> e.key().startsWith(prefix))
              .max(Comparator.comparing(CacheEntry::created).thenComparing(CacheEntry::key));
      if (newest.isPresent()) {
        return newest;
      }
    }
    return Optional.empty();
  }

  private Restored extract(
      CacheKey key,
      CacheEntry entry,
      CacheOutcome outcome,
      List<CachePath> paths,
      Instant at,
      Path scratch) {
    try (Archive archive = store.fetch(entry, scratch)) {
      String actual = HashFiles.sha256Of(archive.path());
      if (!actual.equals(entry.sha256())) {
        return corrupt(
            key,
            entry,
            "checksum mismatch: the archive's SHA-256 is "
                + actual
                + ", the entry records "
                + entry.sha256());
      }
      long files;
      try {
        files = archiver.unpack(archive.path(), paths);
      } catch (IOException e) {
        return corrupt(key, entry, "the archive cannot be extracted: " + e.getMessage());
      }
      store.touch(entry, at);
      return new Restored(key, outcome, entry.key(), entry.bytes(), files, null);
    } catch (CacheStoreException | IOException e) {
      LOG.warn("Cache {} treated as a miss: {}", key, e.getMessage());
      return new Restored(key, CacheOutcome.MISS, null, 0, 0, e.getMessage());
    }
  }

  private Restored corrupt(CacheKey key, CacheEntry entry, String why) {
    String reason =
        "Cache entry " + entry.key() + " in " + store.name() + " is corrupt (" + why + ")";
    LOG.warn("{}; deleted, treated as a miss", reason);
    try {
      store.delete(entry);
    } catch (CacheStoreException e) {
      reason += "; deleting it failed: " + e.getMessage();
    }
    return new Restored(key, CacheOutcome.CORRUPT, entry.key(), entry.bytes(), 0, reason);
  }
}
