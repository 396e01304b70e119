package dev.strata.darwin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.darwin.adapter.dir.DirectoryCacheStore;
import dev.strata.darwin.core.BudgetSimulation;
import dev.strata.darwin.core.BudgetSimulation.Report;
import dev.strata.darwin.core.KeyPolicy;
import dev.strata.darwin.port.CacheEntry;
import dev.strata.darwin.port.ClaimedLeg;
import dev.strata.darwin.testing.CommandsAsEvents;
import dev.strata.darwin.testing.DarwinFixture;
import dev.strata.domain.cache.api.EvictCache;
import dev.strata.domain.run.api.RecordDarwinCacheRestore;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live budget evicts least-recently-used entries after saves, and replaying the recorded
 * restores and saves under the same budget evicts the same entries; other budgets and the shared
 * wheel key give other answers.
 */
class DarwinBudgetTest {
  @TempDir Path tmp;

  @Test
  void liveBudget_evictsInLruOrder_andTheSimulationReportsTheSameEvictions() throws Exception {
    DirectoryCacheStore store = new DirectoryCacheStore(tmp.resolve("store"));
    DarwinFixture f = new DarwinFixture(tmp, store);
    CommandsAsEvents log = new CommandsAsEvents();
    run(f, log, "vllm");
    long budget = store.list().stream().mapToLong(CacheEntry::bytes).sum() + 10;
    f.budget = budget;

    run(f, log, "diffusers"); // go and brew hit; a second wheel entry pushes the store over
    String vllmWheels = wheelsKey(f, "vllm");
    run(f, log, "vllm"); // its wheels were evicted: miss, save, evict diffusers' wheels
    run(f, log, "diffusers");

    List<EvictCache> evictions = f.controlPlane.of(EvictCache.class);
    assertThat(evictions)
        .extracting(EvictCache::ref)
        .containsExactly(vllmWheels, wheelsKey(f, "diffusers"), vllmWheels);
    assertThat(evictions)
        .allSatisfy(
            e -> {
              assertThat(e.evictedBy()).isEqualTo("budget");
              assertThat(e.store()).isEqualTo(store.name());
              assertThat(e.reason())
                  .contains("least recently used")
                  .contains("budget of " + budget);
              assertThat(e.bytes()).isPositive();
            });
    assertThat(store.list().stream().mapToLong(CacheEntry::bytes).sum())
        .isLessThanOrEqualTo(budget);

    Report same = BudgetSimulation.replay(log.events(), budget, KeyPolicy.LOCALAI);
    assertThat(same.recordedEvictions()).hasSize(3);
    assertThat(same.evictedKeys()).isEqualTo(same.recordedEvictions());
    assertThat(same.matchesRecording()).isTrue();
    assertThat(same.restores()).isEqualTo(12);
    assertThat(same.hits()).isEqualTo(liveOutcomes(f, dev.strata.domain.run.api.CacheOutcome.HIT));

    Report roomy = BudgetSimulation.replay(log.events(), 1L << 30, KeyPolicy.LOCALAI);
    assertThat(roomy.evictions()).isEmpty();
    assertThat(roomy.hitRate()).isGreaterThan(same.hitRate());

    Report shared = BudgetSimulation.replay(log.events(), budget, KeyPolicy.SHARED_WHEELS);
    assertThat(shared.evictions()).isEmpty();
    assertThat(shared.hits()).isEqualTo(same.hits() + 3);
  }

  private static void run(DarwinFixture f, CommandsAsEvents log, String backend) throws Exception {
    int before = f.controlPlane.reports.size();
    ClaimedLeg leg = f.leg(DarwinFixture.python(backend), DarwinFixture.push());
    log.runStarted(leg);
    assertThat(f.run(leg).succeeded()).isTrue();
    log.reported(f.controlPlane.reports.subList(before, f.controlPlane.reports.size()));
  }

  private static String wheelsKey(DarwinFixture f, String backend) {
    return f.controlPlane.of(RecordDarwinCacheRestore.class).stream()
        .filter(r -> r.key().startsWith("pyenv-darwin-" + backend + "-"))
        .findFirst()
        .orElseThrow()
        .key();
  }

  private static long liveOutcomes(DarwinFixture f, dev.strata.domain.run.api.CacheOutcome o) {
    return f.controlPlane.of(RecordDarwinCacheRestore.class).stream()
        .filter(r -> r.outcome() == o)
        .count();
  }
}
