package dev.strata.darwin.adapter.dir;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.darwin.port.CacheEntry;
import dev.strata.darwin.port.CacheStore;
import dev.strata.darwin.port.CacheStoreException;
import dev.strata.runtime.serialization.StrataSerializers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A cache store in a directory: {@code <key>.tar.zst} holds the archive and {@code <key>.json} its
 * size, checksum, creation and last access. A save writes both under {@code .tmp/} and renames them
 * into place, the archive first, so a reader never sees a half-written entry; an entry without its
 * metadata file does not exist. Suits one Mac, or several sharing a volume.
 */
public final class DirectoryCacheStore implements CacheStore {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]*");
  private static final String ARCHIVE = ".tar.zst";
  private static final String META = ".json";

  private final Path root;
  private final ObjectMapper json = StrataSerializers.objectMapper();

  public DirectoryCacheStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public String name() {
    return "dir:" + root;
  }

  @Override
  public Optional<CacheEntry> find(String key) throws CacheStoreException {
    Path meta = root.resolve(fileName(key) + META);
    try {
      CacheEntry entry = json.readValue(meta.toFile(), CacheEntry.class);
      return Files.exists(archive(key)) ? Optional.of(entry) : Optional.empty();
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw failed("read cache entry " + key, e);
    }
  }

  @Override
  public List<CacheEntry> list() throws CacheStoreException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<CacheEntry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(root)) {
      for (Path meta : files.filter(p -> p.toString().endsWith(META)).sorted().toList()) {
        try {
          CacheEntry entry = json.readValue(meta.toFile(), CacheEntry.class);
          if (Files.exists(archive(entry.key()))) {
            entries.add(entry);
          }
        } catch (NoSuchFileException | java.io.FileNotFoundException gone) {
          // deleted by another agent while listing
        }
      }
    } catch (IOException e) {
      throw failed("list the cache entries", e);
    }
    return entries;
  }

  @Override
  public Archive fetch(CacheEntry entry, Path scratch) throws CacheStoreException {
    Path file = archive(entry.key());
    if (!Files.exists(file)) {
      throw new CacheStoreException(
          "Tried to read cache archive " + file + " but failed because: it does not exist");
    }
    return new Archive(file, false);
  }

  @Override
  public CacheEntry put(String key, Path archive, String sha256, long bytes, Instant at)
      throws CacheStoreException {
    CacheEntry entry = new CacheEntry(key, bytes, sha256, at, at);
    try {
      Path tmp = Files.createDirectories(root.resolve(".tmp"));
      Path tmpArchive = tmp.resolve(UUID.randomUUID() + ARCHIVE);
      moveOrCopy(archive, tmpArchive);
      Path tmpMeta = writeMeta(tmp, entry);
      move(tmpArchive, archive(key));
      move(tmpMeta, root.resolve(fileName(key) + META));
      return entry;
    } catch (IOException e) {
      throw failed("save cache entry " + key, e);
    }
  }

  @Override
  public CacheEntry touch(CacheEntry entry, Instant at) throws CacheStoreException {
    CacheEntry touched = entry.accessedAt(at);
    try {
      Path tmp = Files.createDirectories(root.resolve(".tmp"));
      move(writeMeta(tmp, touched), root.resolve(fileName(entry.key()) + META));
      return touched;
    } catch (IOException e) {
      throw failed("record the use of cache entry " + entry.key(), e);
    }
  }

  @Override
  public void delete(CacheEntry entry) throws CacheStoreException {
    try {
      // metadata first: the entry disappears before its archive does
      Files.deleteIfExists(root.resolve(fileName(entry.key()) + META));
      Files.deleteIfExists(archive(entry.key()));
    } catch (IOException e) {
      throw failed("delete cache entry " + entry.key(), e);
    }
  }

  /** The archive file of {@code key} (for tests that damage it). */
  public Path archive(String key) {
    return root.resolve(fileName(key) + ARCHIVE);
  }

  private Path writeMeta(Path tmp, CacheEntry entry) throws IOException {
    Path file = tmp.resolve(UUID.randomUUID() + META);
    Files.write(file, json.writeValueAsString(entry).getBytes(StandardCharsets.UTF_8));
    return file;
  }

  private static void moveOrCopy(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException crossDevice) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Keys of safe characters up to 200 long are file names as they are; others are hashed. */
  static String fileName(String key) {
    if (PLAIN_KEY.matcher(key).matches() && key.length() <= 200) {
      return key;
    }
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(key.getBytes(StandardCharsets.UTF_8));
      return "h-" + java.util.HexFormat.of().formatHex(hash);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private CacheStoreException failed(String action, IOException e) {
    return new CacheStoreException(
        "Tried to " + action + " in " + root + " but failed because: " + e, e);
  }
}
