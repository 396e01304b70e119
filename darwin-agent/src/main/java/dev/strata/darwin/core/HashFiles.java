package dev.strata.darwin.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * GitHub's {@code hashFiles()}: the SHA-256 of each matching file, fed in path order into one outer
 * SHA-256, printed as lowercase hex; the empty string when no file matches. (GitHub walks matches
 * in the glob's order; here they are sorted, which is the same for the single-directory patterns
 * the Darwin keys use.)
 */
public final class HashFiles {
  private HashFiles() {}

  /** {@code hashFiles(file)} of one file relative to {@code root}. */
  public static String of(Path root, String file) throws IOException {
    Path path = root.resolve(file);
    return hash(Files.isRegularFile(path) ? List.of(path) : List.of());
  }

  /** {@code hashFiles('<dir>/<glob>')}: files of {@code dir} whose name matches {@code glob}. */
  public static String ofGlob(Path root, String dir, String glob) throws IOException {
    Path directory = root.resolve(dir);
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(directory)) {
      try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob)) {
        for (Path p : stream) {
          if (Files.isRegularFile(p)) {
            files.add(p);
          }
        }
      }
    }
    files.sort(null);
    return hash(files);
  }

  private static String hash(List<Path> files) throws IOException {
    if (files.isEmpty()) {
      return "";
    }
    MessageDigest outer = sha256();
    byte[] buffer = new byte[1 << 16];
    for (Path file : files) {
      MessageDigest inner = sha256();
      try (InputStream in = Files.newInputStream(file)) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          inner.update(buffer, 0, n);
        }
      }
      outer.update(inner.digest());
    }
    return HexFormat.of().formatHex(outer.digest());
  }

  /** The SHA-256 of a whole file, lowercase hex. */
  public static String sha256Of(Path file) throws IOException {
    MessageDigest sha = sha256();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        sha.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
