package dev.strata.darwin.adapter.archive;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import dev.strata.darwin.port.CacheArchiver;
import dev.strata.darwin.port.CachePath;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Cache archives as tar streams compressed with zstd (commons-compress + zstd-jni; no shell pipes).
 * Entries are named {@code <cache path name>/<relative path>} and keep their permissions, times and
 * symbolic links. The SHA-256 of the compressed file is computed while it is written.
 */
public final class TarZstdArchiver implements CacheArchiver {
  private static final int BUFFER = 1 << 16;
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private final int level;
  private final int workers;

  /**
   * @param level the zstd level (3 is zstd's default; higher is smaller and slower)
   * @param workers zstd worker threads (0: compress on the calling thread)
   */
  public TarZstdArchiver(int level, int workers) {
    this.level = level;
    this.workers = workers;
  }

  /** Level 3 with one worker per available processor. */
  public static TarZstdArchiver defaults() {
    return new TarZstdArchiver(3, Runtime.getRuntime().availableProcessors());
  }

  @Override
  public Packed pack(List<CachePath> paths, Path archive) throws IOException {
    MessageDigest sha = sha256();
    long[] files = {0};
    try (OutputStream file = Files.newOutputStream(archive);
        DigestOutputStream digest =
            new DigestOutputStream(new BufferedOutputStream(file, BUFFER), sha);
        ZstdOutputStream zstd = new ZstdOutputStream(digest, level);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(zstd, BUFFER)) {
      if (workers > 0) {
        zstd.setWorkers(workers);
      }
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (CachePath path : paths) {
        if (Files.isDirectory(path.dir(), NOFOLLOW)) {
          files[0] += addTree(tar, path.dir(), path.name());
        }
      }
      tar.finish();
    }
    return new Packed(Files.size(archive), HexFormat.of().formatHex(sha.digest()), files[0]);
  }

  private long addTree(TarArchiveOutputStream tar, Path dir, String name) throws IOException {
    long files = 0;
    addEntry(tar, dir, name + "/");
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
    for (Path child : children) {
      String childName = name + "/" + child.getFileName();
      if (Files.isDirectory(child, NOFOLLOW)) {
        files += addTree(tar, child, childName);
      } else {
        files += addEntry(tar, child, childName);
      }
    }
    return files;
  }

  private static long addEntry(TarArchiveOutputStream tar, Path path, String name)
      throws IOException {
    PosixFileAttributes attrs = Files.readAttributes(path, PosixFileAttributes.class, NOFOLLOW);
    TarArchiveEntry entry;
    if (attrs.isSymbolicLink()) {
      entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
      entry.setLinkName(Files.readSymbolicLink(path).toString());
    } else if (attrs.isDirectory()) {
      entry = new TarArchiveEntry(name);
    } else if (attrs.isRegularFile()) {
      entry = new TarArchiveEntry(name);
      entry.setSize(attrs.size());
    } else {
      return 0; // sockets, fifos: not cache content
    }
    entry.setMode(entry.getMode() & ~0777 | mode(attrs.permissions()));
    entry.setModTime(attrs.lastModifiedTime());
    tar.putArchiveEntry(entry);
    if (attrs.isRegularFile() && !attrs.isSymbolicLink()) {
      Files.copy(path, tar);
    }
    tar.closeArchiveEntry();
    return attrs.isRegularFile() && !attrs.isSymbolicLink() ? 1 : 0;
  }

  @Override
  public long unpack(Path archive, List<CachePath> paths) throws IOException {
    long files = 0;
    Set<Path> knownDirs = new java.util.HashSet<>();
    try (InputStream file = Files.newInputStream(archive);
        ZstdInputStream zstd = new ZstdInputStream(new BufferedInputStream(file, BUFFER));
        TarArchiveInputStream tar = new TarArchiveInputStream(zstd)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path target = target(entry.getName(), paths, knownDirs);
        if (target == null) {
          continue;
        }
        files += extract(tar, entry, target, knownDirs);
      }
    }
    return files;
  }

  private static long extract(
      TarArchiveInputStream tar, TarArchiveEntry entry, Path target, Set<Path> knownDirs)
      throws IOException {
    if (entry.isDirectory()) {
      Files.createDirectories(target);
      setMode(target, entry.getMode());
      knownDirs.add(target);
      return 0;
    }
    if (knownDirs.add(target.getParent())) {
      Files.createDirectories(target.getParent());
    }
    if (entry.isSymbolicLink()) {
      knownDirs.remove(target);
      Files.deleteIfExists(target);
      Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
      return 0;
    }
    if (!entry.isFile()) {
      return 0;
    }
    if (Files.isDirectory(target, NOFOLLOW)) {
      throw new IOException(
          "Tried to restore file "
              + entry.getName()
              + " but failed because: "
              + target
              + " is a directory");
    }
    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
    setMode(target, entry.getMode());
    Files.setLastModifiedTime(target, FileTime.from(entry.getModTime().toInstant()));
    return 1;
  }

  /** Where {@code entryName} goes, or null when no cache path claims it. */
  static Path target(String entryName, List<CachePath> paths, Set<Path> knownDirs)
      throws IOException {
    String name =
        entryName.endsWith("/") ? entryName.substring(0, entryName.length() - 1) : entryName;
    CachePath owner = null;
    for (CachePath p : paths) {
      boolean claims = name.equals(p.name()) || name.startsWith(p.name() + "/");
      if (claims && (owner == null || p.name().length() > owner.name().length())) {
        owner = p;
      }
    }
    if (owner == null) {
      return null;
    }
    String relative = name.substring(owner.name().length());
    Path target =
        owner
            .dir()
            .resolve(relative.startsWith("/") ? relative.substring(1) : relative)
            .normalize();
    // directories this extraction made itself are known not to be links: skip the real-path check
    boolean parentKnown = knownDirs.contains(target.getParent());
    if (!target.startsWith(owner.dir())
        || (!parentKnown && escapesThroughLink(target, owner.dir()))) {
      throw new IOException(
          "Tried to restore archive entry "
              + entryName
              + " but failed because: it would be written outside "
              + owner.dir());
    }
    return target;
  }

  /** Whether an existing parent of {@code target} is a link leading out of {@code root}. */
  private static boolean escapesThroughLink(Path target, Path root) throws IOException {
    Path parent = target.getParent();
    while (parent != null && parent.startsWith(root) && !Files.exists(parent, NOFOLLOW)) {
      parent = parent.getParent();
    }
    if (parent == null || !parent.startsWith(root) || !Files.exists(root)) {
      return false;
    }
    return !parent.toRealPath().startsWith(root.toRealPath());
  }

  private static int mode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission p : permissions) {
      mode |= 0400 >> p.ordinal();
    }
    return mode;
  }

  private static void setMode(Path path, int mode) throws IOException {
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission p : PosixFilePermission.values()) {
      if ((mode & (0400 >> p.ordinal())) != 0) {
        permissions.add(p);
      }
    }
    // keep restored trees writable by their owner, or the next restore cannot overwrite them
    permissions.add(PosixFilePermission.OWNER_WRITE);
    permissions.add(PosixFilePermission.OWNER_READ);
    Files.setPosixFilePermissions(path, permissions);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
