package dev.strata.darwin.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The machine the agent runs on: where the home directory and Homebrew live, how the runner names
 * its OS and architecture in cache keys, and the {@code PATH} commands run with.
 *
 * @param home the home directory ({@code ~})
 * @param brewPrefix Homebrew's prefix ({@code /opt/homebrew})
 * @param runnerOs {@code runner.os}: {@code macOS}
 * @param runnerArch {@code runner.arch}: {@code ARM64}
 * @param nodeArch Node's {@code process.arch} as setup-go writes it: {@code arm64}
 * @param path the {@code PATH} of every command
 * @param extraEnv further variables every command gets (e.g. {@code LANG})
 */
public record Machine(
    Path home,
    Path brewPrefix,
    String runnerOs,
    String runnerArch,
    String nodeArch,
    String path,
    Map<String, String> extraEnv) {
  public Machine {
    Objects.requireNonNull(home, "home");
    Objects.requireNonNull(brewPrefix, "brewPrefix");
    Objects.requireNonNull(runnerOs, "runnerOs");
    Objects.requireNonNull(runnerArch, "runnerArch");
    Objects.requireNonNull(nodeArch, "nodeArch");
    Objects.requireNonNull(path, "path");
    extraEnv = Map.copyOf(extraEnv);
  }

  /** An Apple-silicon Mac runner: {@code macOS}, {@code ARM64}, Homebrew in /opt/homebrew. */
  public static Machine appleSilicon(Path home, String path) {
    return new Machine(home, Path.of("/opt/homebrew"), "macOS", "ARM64", "arm64", path, Map.of());
  }
}
