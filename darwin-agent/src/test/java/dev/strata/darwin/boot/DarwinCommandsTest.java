package dev.strata.darwin.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.darwin.adapter.dir.DirectoryCacheStore;
import dev.strata.darwin.adapter.registry.HttpArtifactRegistry;
import dev.strata.darwin.adapter.registry.RegistryCacheStore;
import dev.strata.domain.cache.api.CacheEvicted;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.CacheOutcome;
import dev.strata.domain.run.api.DarwinCacheRestored;
import dev.strata.domain.run.api.DarwinCacheSaved;
import dev.strata.domain.trigger.api.RunId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class DarwinCommandsTest {
  @Command(name = "strata")
  static final class Root {}

  private static final Instant T = Instant.parse("2026-11-02T10:00:00Z");
  private static final RunId RUN = RunId.of("r1");
  private static final LegId LEG = LegId.darwin("vllm");

  private static String run(List<Object> events, String... args) {
    CommandLine root = new CommandLine(new Root());
    DarwinCommands.register(
        root, ControlPlaneFactory.gateway(), () -> sink -> events.forEach(sink));
    StringWriter out = new StringWriter();
    root.setOut(new PrintWriter(out));
    root.setErr(new PrintWriter(out));
    int code = root.execute(args);
    return code + "\n" + out;
  }

  private static List<Object> log() {
    return List.of(
        new DarwinCacheRestored(
            RUN, LEG, "wheels", "pyenv-darwin-a-2026-W45-01", CacheOutcome.MISS, null, 0, T),
        new DarwinCacheSaved(
            RUN, LEG, "wheels", "pyenv-darwin-a-2026-W45-01", 600, true, T.plusSeconds(1)),
        new DarwinCacheRestored(
            RUN,
            LEG,
            "wheels",
            "pyenv-darwin-b-2026-W45-02",
            CacheOutcome.MISS,
            null,
            0,
            T.plusSeconds(2)),
        new DarwinCacheSaved(
            RUN, LEG, "wheels", "pyenv-darwin-b-2026-W45-02", 600, true, T.plusSeconds(3)),
        new CacheEvicted(
            "e1",
            "dir:/c",
            "pyenv-darwin-a-2026-W45-01",
            null,
            List.of(),
            "budget",
            "budget",
            600,
            T.plusSeconds(3)));
  }

  @Test
  void cacheBudgetSimulate_reportsHitRateAndEvictions_andComparesThemWithTheRecording() {
    String out = run(log(), "cache", "budget", "--simulate", "--budget", "1000");

    assertThat(out)
        .startsWith("0\n")
        .contains(
            "budget 1000 B, key policy localai: 2 restores, 0 exact hits, 0 partial, 2 misses")
        .contains("simulated evictions: 1")
        .contains("pyenv-darwin-a-2026-W45-01")
        .contains("recorded budget evictions: 1; same entries in the same order: yes");
  }

  @Test
  void cacheBudgetSimulate_underTheSharedWheelKey_hitsTheSecondBackend() {
    String out =
        run(
            log(),
            "cache",
            "budget",
            "--simulate",
            "--budget",
            "10GB",
            "--key-policy",
            "shared-wheels");

    assertThat(out)
        .contains("budget 10.0 GiB, key policy shared-wheels: 2 restores, 1 exact hits")
        .contains("simulated evictions: 0")
        .contains("same entries in the same order: no");
  }

  @Test
  void cacheBudget_refusesABadBudgetWithWhatToWrite() {
    String out = run(log(), "cache", "budget", "--simulate", "--budget", "lots");

    assertThat(out).startsWith("2\n").contains("Invalid size \"lots\"").contains("e.g. 10GB");
  }

  @Test
  void darwinAgent_requiresGatewayTokenAndCacheStore() {
    String out = run(List.of(), "darwin-agent", "--gateway", "http://127.0.0.1:8080");

    assertThat(out).startsWith("2\n").contains("--token").contains("--cache-store");
  }

  @Test
  void cacheStores_openDirectoriesAndRegistries() {
    var registry = HttpArtifactRegistry.anonymous();

    assertThat(CacheStores.open("dir:/tmp/c", registry)).isInstanceOf(DirectoryCacheStore.class);
    assertThat(CacheStores.open("/tmp/c", registry).name()).isEqualTo("dir:/tmp/c");
    assertThat(CacheStores.open("oci://127.0.0.1:5000/localai/ci-cache", registry))
        .isInstanceOf(RegistryCacheStore.class)
        .extracting(s -> s.name())
        .isEqualTo("registry:127.0.0.1:5000/localai/ci-cache");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> CacheStores.open("s3://bucket/x", registry))
        .hasMessageContaining("expected dir:/PATH");
  }
}
