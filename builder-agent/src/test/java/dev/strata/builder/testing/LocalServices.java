package dev.strata.builder.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The real services the integration tests use: dockerd 20.10 through {@code /usr/bin/docker} and
 * the registry on 127.0.0.1:5000 (both started by {@code scripts/setup}). Each test class works in
 * its own registry namespace, so runs never see each other's tags.
 */
public final class LocalServices {
  public static final String DOCKER = "/usr/bin/docker";
  public static final String REGISTRY = "127.0.0.1:5000";

  private LocalServices() {}

  /** A fresh registry namespace, e.g. {@code 127.0.0.1:5000/strata-it-3f9a0c21}. */
  public static String namespace() {
    return REGISTRY
        + "/strata-it-"
        + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }

  /** Builds {@code strata/debian:bookworm} with {@code scripts/base-image} unless it exists. */
  public static void ensureBaseImage() throws IOException, InterruptedException {
    if (run(List.of(DOCKER, "image", "inspect", FixtureRepo.BASE_IMAGE)) == 0) {
      return;
    }
    Path script = repoRoot().resolve("scripts/base-image");
    if (run(List.of("bash", script.toString())) != 0) {
      throw new IllegalStateException(
          "Tried to build " + FixtureRepo.BASE_IMAGE + " with " + script + " but it failed");
    }
  }

  /**
   * Empties every BuildKit cache mount of the engine ({@code docker builder prune --filter
   * type=exec.cachemount}), as a fresh CI runner's builder is: other build cache stays.
   */
  public static void pruneCacheMounts() throws IOException, InterruptedException {
    int exit = run(List.of(DOCKER, "builder", "prune", "-af", "--filter", "type=exec.cachemount"));
    if (exit != 0) {
      throw new IllegalStateException("docker builder prune exited with " + exit);
    }
  }

  /** Deletes a directory tree, ignoring what cannot be deleted. */
  public static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is harmless
    }
  }

  static int run(List<String> argv) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).inheritIO().start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      return -1;
    }
    return p.exitValue();
  }

  static Path repoRoot() {
    Path p = Paths.get("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("scripts/base-image"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException(
          "no scripts/base-image above " + Paths.get("").toAbsolutePath());
    }
    return p;
  }
}
