package dev.strata.audit.core.seed;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.CacheOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Darwin native caches of one repository (DOMAIN.md 8.2, 8.6): Go modules, Homebrew, the
 * per-run llama ccache and the weekly Python wheels; LocalAI's save rules (the Go save is not gated
 * on pull requests) and an LRU store that usually, not always, evicts down to the 10 GB budget.
 */
final class DarwinSimulation {
  static final long BUDGET = 10L * 1024 * 1024 * 1024;
  static final String STORE = "actions-cache";
  private static final long GB = 1024L * 1024 * 1024;

  private final Map<String, Long> live = new LinkedHashMap<>(16, 0.75f, true);
  private final Random rnd;
  private long total;
  private int evictions;

  DarwinSimulation(Random rnd) {
    this.rnd = rnd;
  }

  /** Restores and saves the caches of one Darwin leg, then keeps the store within budget. */
  void leg(
      RunScriptBuilder script, SeedEntry entry, LegId leg, boolean pr, String runId, Instant at) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    String goKey = "setup-go-macOS-arm64-go-1.25.x-gosum" + day.getYear() + day.getMonthValue();
    String brewKey = "brew-macOS-ARM64-v1-wf" + (day.getDayOfYear() / 60) + day.getYear();
    cache(script, leg, "go", goKey, null, pr, true, (long) (0.8 * GB), at);
    cache(script, leg, "homebrew", brewKey, null, pr, false, 2 * GB, at.plusSeconds(20));
    if (entry.backend().equals("llama-cpp")) {
      String prefix = "ccache-llama-ARM64-llamav" + (day.getDayOfYear() / 14) + "-";
      cache(
          script,
          leg,
          "ccache",
          prefix + runId,
          prefix,
          pr,
          false,
          (long) (1.8 * GB),
          at.plusSeconds(40));
    }
    if (!entry.fields().containsKey("lang")) {
      String week = day.getYear() + "-W" + (day.getDayOfYear() / 7 + 1);
      String prefix = "pyenv-darwin-" + entry.backend() + "-";
      cache(
          script,
          leg,
          "wheels",
          prefix + week + "-req1",
          prefix,
          pr,
          false,
          GB / 3,
          at.plusSeconds(60));
    }
    if (total > BUDGET && rnd.nextInt(10) < 9) {
      Iterator<Map.Entry<String, Long>> lru = live.entrySet().iterator();
      List<String> gone = new ArrayList<>();
      while (total > BUDGET && lru.hasNext()) {
        Map.Entry<String, Long> oldest = lru.next();
        total -= oldest.getValue();
        gone.add(oldest.getKey());
        lru.remove();
      }
      for (String key : gone) {
        script.evict(
            "darwin-" + runId + "-" + (++evictions),
            STORE,
            key,
            "least recently used, repository over its 10 GB budget",
            "budget",
            -1,
            at.plusSeconds(120));
      }
    }
  }

  private void cache(
      RunScriptBuilder script,
      LegId leg,
      String cache,
      String key,
      String prefix,
      boolean pr,
      boolean ungatedOnPr,
      long bytes,
      Instant at) {
    CacheOutcome outcome;
    String matched = "";
    if (live.containsKey(key)) {
      outcome = CacheOutcome.HIT;
      matched = key;
    } else {
      outcome = CacheOutcome.MISS;
      if (prefix != null) {
        for (String k : live.keySet()) {
          if (k.startsWith(prefix)) {
            outcome = CacheOutcome.PARTIAL;
            matched = k;
          }
        }
      }
    }
    script.darwinRestore(
        leg, cache, key, outcome, matched, outcome == CacheOutcome.MISS ? 0 : bytes, at);
    boolean save = outcome != CacheOutcome.HIT && (!pr || ungatedOnPr);
    if (save) {
      script.darwinSave(leg, cache, key, bytes, !pr, at.plusSeconds(600));
      Long previous = live.put(key, bytes);
      total += bytes - (previous == null ? 0 : previous);
    }
  }
}
