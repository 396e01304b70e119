package dev.strata.darwin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.darwin.adapter.archive.TarZstdArchiver;
import dev.strata.darwin.adapter.dir.DirectoryCacheStore;
import dev.strata.darwin.adapter.registry.HttpArtifactRegistry;
import dev.strata.darwin.adapter.registry.RegistryCacheStore;
import dev.strata.darwin.adapter.registry.TestRegistry;
import dev.strata.darwin.core.CacheRestorer;
import dev.strata.darwin.core.CacheSaver;
import dev.strata.darwin.port.CacheEntry;
import dev.strata.darwin.port.CachePath;
import dev.strata.darwin.port.CacheStore;
import dev.strata.domain.darwin.model.CacheKey;
import dev.strata.domain.run.api.CacheOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Save and restore throughput of a cache through both stores (benchmarks/darwin.md). Not a test:
 * runs only with {@code -Dstrata.bench=true}; sizes with {@code -Dstrata.bench.mb} (default 256).
 */
@EnabledIfSystemProperty(named = "strata.bench", matches = "true")
class CacheThroughputBench {
  @TempDir Path tmp;

  /** A Go-module-cache-like tree: many small text files plus some incompressible blobs. */
  private static long makeTree(Path dir, long megabytes) throws Exception {
    Random r = new Random(42);
    long written = 0;
    int i = 0;
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < 400; k++) {
      text.append("func F").append(k).append("(x int) int { return x * ").append(k).append(" }\n");
    }
    byte[] source = text.toString().getBytes();
    while (written < megabytes << 20) {
      Path d = Files.createDirectories(dir.resolve("m" + (i / 200)).resolve("p" + (i % 200 / 20)));
      if (i % 10 == 0) {
        byte[] blob = new byte[256 << 10];
        r.nextBytes(blob);
        Files.write(d.resolve("obj" + i), blob);
        written += blob.length;
      } else {
        Files.write(d.resolve("f" + i + ".go"), source);
        written += source.length;
      }
      i++;
    }
    return written;
  }

  @Test
  void saveAndRestore_throughput() throws Exception {
    long mb = Long.getLong("strata.bench.mb", 256);
    Path src = tmp.resolve("src");
    long bytes = makeTree(src, mb);
    long files;
    try (var w = Files.walk(src)) {
      files = w.filter(Files::isRegularFile).count();
    }
    System.out.printf(Locale.ROOT, "tree: %d files, %.1f MiB%n", files, bytes / 1048576.0);
    for (int level : new int[] {1, 3}) {
      TarZstdArchiver archiver =
          new TarZstdArchiver(level, Runtime.getRuntime().availableProcessors());
      measure(
          "dir level " + level,
          new DirectoryCacheStore(tmp.resolve("store" + level)),
          archiver,
          src,
          bytes);
    }
    ImageRefHolder.run(this, src, bytes);
  }

  static final class ImageRefHolder {
    static void run(CacheThroughputBench b, Path src, long bytes) throws Exception {
      RegistryCacheStore store =
          new RegistryCacheStore(
              HttpArtifactRegistry.anonymous(), TestRegistry.freshRepository("bench-cache"));
      b.measure(
          "registry level 3",
          store,
          new TarZstdArchiver(3, Runtime.getRuntime().availableProcessors()),
          src,
          bytes);
    }
  }

  void measure(String label, CacheStore store, TarZstdArchiver archiver, Path src, long bytes)
      throws Exception {
    List<CachePath> from = List.of(new CachePath("home/go/pkg/mod", src));
    Instant t = Instant.parse("2026-11-02T10:00:00Z");
    long s0 = System.nanoTime();
    CacheEntry saved =
        new CacheSaver(store, archiver)
            .save("bench-" + label.replace(' ', '-'), from, t, tmp.resolve("scratch"))
            .orElseThrow();
    long s1 = System.nanoTime();
    Path dest = tmp.resolve("restore-" + label.replace(' ', '-'));
    var restored =
        new CacheRestorer(store, archiver)
            .restore(
                new CacheKey(saved.key(), List.of()),
                List.of(new CachePath("home/go/pkg/mod", dest)),
                t.plusSeconds(1),
                tmp.resolve("scratch"));
    long s2 = System.nanoTime();
    assertThat(restored.outcome()).isEqualTo(CacheOutcome.HIT);
    double save = (s1 - s0) / 1e9;
    double restore = (s2 - s1) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-18s archive %.1f MiB (%.0f%% of input); save %.2f s = %.0f MiB/s; restore (checksum + unpack) %.2f s = %.0f MiB/s%n",
        label,
        saved.bytes() / 1048576.0,
        100.0 * saved.bytes() / bytes,
        save,
        bytes / 1048576.0 / save,
        restore,
        bytes / 1048576.0 / restore);
  }
}
