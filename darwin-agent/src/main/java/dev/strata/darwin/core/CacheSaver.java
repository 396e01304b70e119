package dev.strata.darwin.core;

import dev.strata.darwin.port.CacheArchiver;
import dev.strata.darwin.port.CacheArchiver.Packed;
import dev.strata.darwin.port.CacheEntry;
import dev.strata.darwin.port.CachePath;
import dev.strata.darwin.port.CacheStore;
import dev.strata.darwin.port.CacheStoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Saves one cache: packs its directories into a temporary archive and stores it under the key. Like
 * {@code actions/cache}, nothing is saved when none of the directories exists.
 */
public final class CacheSaver {
  private final CacheStore store;
  private final CacheArchiver archiver;

  public CacheSaver(CacheStore store, CacheArchiver archiver) {
    this.store = store;
    this.archiver = archiver;
  }

  /** The entry saved, or empty when there was nothing to save. */
  public Optional<CacheEntry> save(String key, List<CachePath> paths, Instant at, Path scratch)
      throws IOException, CacheStoreException {
    if (paths.stream().noneMatch(p -> Files.isDirectory(p.dir()))) {
      return Optional.empty();
    }
    Files.createDirectories(scratch);
    Path archive = scratch.resolve(UUID.randomUUID() + ".tar.zst");
    try {
      Packed packed = archiver.pack(paths, archive);
      return Optional.of(store.put(key, archive, packed.sha256(), packed.bytes(), at));
    } finally {
      Files.deleteIfExists(archive);
    }
  }
}
