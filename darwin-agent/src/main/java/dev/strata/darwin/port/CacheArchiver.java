package dev.strata.darwin.port;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Packs cache directories into one archive file and unpacks it again. */
public interface CacheArchiver {

  /**
   * What a pack produced.
   *
   * @param bytes the archive's size
   * @param sha256 the archive's SHA-256, lowercase hex
   * @param files how many regular files it holds
   */
  record Packed(long bytes, String sha256, long files) {}

  /**
   * Writes the directories of {@code paths} that exist into {@code archive} (created or replaced).
   * Regular files, directories and symbolic links are kept with their permissions.
   */
  Packed pack(List<CachePath> paths, Path archive) throws IOException;

  /**
   * Extracts {@code archive} over the directories of {@code paths}, creating them as needed and
   * overwriting files (as {@code actions/cache} does). Entries whose name matches no path are
   * skipped; entries that would escape their directory are refused.
   *
   * @return the number of regular files written
   */
  long unpack(Path archive, List<CachePath> paths) throws IOException;
}
