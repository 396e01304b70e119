package dev.strata.darwin.port;

import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One directory a cache holds, under a stable name that does not depend on the machine: {@code
 * home/go/pkg/mod} stands for {@code ~/go/pkg/mod}, {@code brew/Cellar/grpc} for {@code
 * /opt/homebrew/Cellar/grpc}. Archives store entries under the name, so an archive made on one Mac
 * restores on another whose home directory differs.
 *
 * @param name the machine-independent name: slash-separated words, no {@code .} or {@code ..}
 * @param dir the directory on this machine (absolute)
 */
public record CachePath(String name, Path dir) {
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]*(/[A-Za-z0-9_+-][A-Za-z0-9._+-]*)*");

  public CachePath {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dir, "dir");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid cache path name \"" + name + "\": expected slash-separated words, e.g. home/go");
    }
    if (!dir.isAbsolute()) {
      throw new IllegalArgumentException(
          "Invalid cache directory \"" + dir + "\" for " + name + ": expected an absolute path");
    }
    dir = dir.normalize();
  }
}
