package dev.strata.darwin.port;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where cache archives live: one store is one budget scope (one repository's caches). Writes are
 * atomic: an entry is visible only once its archive is complete. Implementations: a directory (a
 * single Mac, or a volume several share) and a registry repository (archives as OCI artifacts).
 */
public interface CacheStore {

  /** A name for events and messages, e.g. {@code dir:/Volumes/cache/mudler_LocalAI}. */
  String name();

  /** The entry saved under exactly {@code key}. */
  Optional<CacheEntry> find(String key) throws CacheStoreException;

  /** Every entry. */
  List<CacheEntry> list() throws CacheStoreException;

  /**
   * The archive of {@code entry} as a local file. The file may be the stored one itself; close the
   * handle when done (a downloaded copy is then deleted).
   *
   * @param scratch a directory for a downloaded copy
   */
  Archive fetch(CacheEntry entry, Path scratch) throws CacheStoreException;

  /**
   * Stores {@code archive} under {@code key}, replacing an entry of the same key. {@code archive}
   * may be moved away.
   *
   * @param at the save time, recorded as creation and last access
   */
  CacheEntry put(String key, Path archive, String sha256, long bytes, Instant at)
      throws CacheStoreException;

  /** Records that {@code entry} was used at {@code at}. */
  CacheEntry touch(CacheEntry entry, Instant at) throws CacheStoreException;

  /** Removes {@code entry} (a missing entry is not an error). */
  void delete(CacheEntry entry) throws CacheStoreException;

  /**
   * An archive file handed out by {@link #fetch}.
   *
   * @param path the file
   * @param temporary whether it is a copy to delete on {@link #close()}
   */
  record Archive(Path path, boolean temporary) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      if (temporary) {
        Files.deleteIfExists(path);
      }
    }
  }
}
