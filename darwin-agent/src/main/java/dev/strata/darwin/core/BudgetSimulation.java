package dev.strata.darwin.core;

import dev.strata.darwin.port.CacheEntry;
import dev.strata.domain.cache.api.CacheEvicted;
import dev.strata.domain.run.api.CacheOutcome;
import dev.strata.domain.run.api.DarwinCacheRestored;
import dev.strata.domain.run.api.DarwinCacheSaved;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.TriggerKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replays the recorded Darwin cache restores and saves of the event log under another budget or key
 * policy: one simulated store per repository, the live rules (exact key, then the newest entry of a
 * restore prefix; never save over an exact hit; evict least recently used after each save, {@link
 * LruEviction}). Under the live budget and key policy it evicts what the live run evicted.
 *
 * <p>Approximations where the simulation diverges from the recording: a save the live run skipped
 * (it hit exactly) but the simulation would make uses the size of the archive the live run
 * restored, at the time of that restore; a save the live run made is skipped when the simulation
 * hit exactly. Entries saved before the log began are unknown to it.
 */
public final class BudgetSimulation {
  private static final String NO_SHA = "0".repeat(64);

  /** One simulated eviction. */
  public record Eviction(Repository repository, String key, long bytes, Instant at) {}

  /**
   * The answer.
   *
   * @param restores restores replayed
   * @param hits exact hits
   * @param partials prefix hits
   * @param misses misses (corrupt archives included)
   * @param evictions the simulated evictions, in order
   * @param recordedEvictions the keys the live budget evicted, in order
   */
  public record Report(
      long budget,
      KeyPolicy policy,
      long restores,
      long hits,
      long partials,
      long misses,
      List<Eviction> evictions,
      List<String> recordedEvictions) {

    /** Exact hits plus prefix hits over restores (0 without restores). */
    public double hitRate() {
      return restores == 0 ? 0 : (double) (hits + partials) / restores;
    }

    /** The simulated eviction keys, in order. */
    public List<String> evictedKeys() {
      return evictions.stream().map(Eviction::key).toList();
    }

    /** Whether the simulation evicted exactly what the live budget did, in the same order. */
    public boolean matchesRecording() {
      return evictedKeys().equals(recordedEvictions);
    }
  }

  private record Run(Repository repository, TriggerKind kind) {}

  private record Pending(Repository repository, String cache, String key, long bytes, Instant at) {}

  private final long budget;
  private final KeyPolicy policy;
  private final Map<RunId, Run> runs = new HashMap<>();
  private final Map<Repository, Map<String, CacheEntry>> stores = new HashMap<>();
  private final Map<String, CacheOutcome> outcomes = new HashMap<>();
  private final Map<String, List<Pending>> pending = new LinkedHashMap<>();
  private final List<Eviction> evictions = new ArrayList<>();
  private final List<String> recorded = new ArrayList<>();
  private long restores;
  private long hits;
  private long partials;
  private long misses;

  public BudgetSimulation(long budget, KeyPolicy policy) {
    this.budget = budget;
    this.policy = policy;
  }

  /** Replays {@code events} (payloads in log order; other events are ignored). */
  public static Report replay(Iterable<?> events, long budget, KeyPolicy policy) {
    BudgetSimulation sim = new BudgetSimulation(budget, policy);
    for (Object e : events) {
      sim.accept(e);
    }
    return sim.report();
  }

  /** Applies one event payload. */
  public void accept(Object event) {
    if (event instanceof TriggerReceived t) {
      runs.put(t.runId(), new Run(t.trigger().repository(), t.trigger().kind()));
    } else if (event instanceof DarwinCacheRestored r) {
      flushPendingExcept(legOf(r.runId().value(), r.legId().value()));
      restored(r);
    } else if (event instanceof DarwinCacheSaved s) {
      flushPendingExcept(legOf(s.runId().value(), s.legId().value()));
      saved(s);
    } else if (event instanceof CacheEvicted e && "budget".equals(e.evictedBy())) {
      recorded.add(e.ref());
    }
  }

  /** The report of what was replayed so far. */
  public Report report() {
    flushPendingExcept(null);
    return new Report(
        budget,
        policy,
        restores,
        hits,
        partials,
        misses,
        List.copyOf(evictions),
        List.copyOf(recorded));
  }

  private void restored(DarwinCacheRestored r) {
    Run run = run(r.runId());
    Map<String, CacheEntry> store = stores.computeIfAbsent(run.repository(), x -> new HashMap<>());
    String key = policy.map(r.cache(), r.key());
    restores++;
    CacheOutcome outcome;
    if (r.outcome() == CacheOutcome.CORRUPT && r.matchedKey() != null) {
      store.remove(policy.map(r.cache(), r.matchedKey()));
      outcome = CacheOutcome.CORRUPT;
    } else {
      Optional<CacheEntry> found = Optional.ofNullable(store.get(key));
      outcome = CacheOutcome.HIT;
      if (found.isEmpty()) {
        found = newest(store, policy.restorePrefixes(r.cache(), key));
        outcome = CacheOutcome.PARTIAL;
      }
      if (found.isEmpty()) {
        outcome = CacheOutcome.MISS;
      } else {
        store.put(found.get().key(), found.get().accessedAt(r.at()));
      }
    }
    switch (outcome) {
      case HIT -> hits++;
      case PARTIAL -> partials++;
      default -> misses++;
    }
    String id = id(r.runId().value(), r.legId().value(), r.cache());
    outcomes.put(id, outcome);
    boolean liveSkippedSave = r.outcome() == CacheOutcome.HIT;
    boolean wouldSave =
        outcome != CacheOutcome.HIT && run.kind() != TriggerKind.PULL_REQUEST && r.bytes() > 0;
    if (liveSkippedSave && wouldSave) {
      pending
          .computeIfAbsent(legOf(r.runId().value(), r.legId().value()), x -> new ArrayList<>())
          .add(new Pending(run.repository(), r.cache(), key, r.bytes(), r.at()));
    }
  }

  private void saved(DarwinCacheSaved s) {
    Run run = run(s.runId());
    String key = policy.map(s.cache(), s.key());
    CacheOutcome outcome = outcomes.get(id(s.runId().value(), s.legId().value(), s.cache()));
    if (outcome == CacheOutcome.HIT && !s.cache().equals("ccache")) {
      return; // the simulation hit exactly: no save over an exact hit
    }
    put(run.repository(), key, s.bytes(), s.at());
  }

  private void flushPendingExcept(String leg) {
    for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
      var e = it.next();
      if (e.getKey().equals(leg)) {
        continue;
      }
      for (Pending p : e.getValue()) {
        put(p.repository(), p.key(), p.bytes(), p.at());
      }
      it.remove();
    }
  }

  private void put(Repository repository, String key, long bytes, Instant at) {
    Map<String, CacheEntry> store = stores.computeIfAbsent(repository, x -> new HashMap<>());
    store.put(key, new CacheEntry(key, bytes, NO_SHA, at, at));
    for (CacheEntry evicted : LruEviction.select(List.copyOf(store.values()), budget, key)) {
      store.remove(evicted.key());
      evictions.add(new Eviction(repository, evicted.key(), evicted.bytes(), at));
    }
  }

  private static Optional<CacheEntry> newest(Map<String, CacheEntry> store, List<String> prefixes) {
    for (String prefix : prefixes) {
      Optional<CacheEntry> newest =
          store.values().stream()
              .filter(e -> e.key().startsWith(prefix))
              .max(Comparator.comparing(CacheEntry::created).thenComparing(CacheEntry::key));
      if (newest.isPresent()) {
        return newest;
      }
    }
    return Optional.empty();
  }

  private Run run(RunId id) {
    // a run whose trigger is not in the replayed log counts as a push to an unknown repository
    return runs.getOrDefault(id, new Run(new Repository("unknown", "unknown"), TriggerKind.PUSH));
  }

  private static String legOf(String run, String leg) {
    return run + "/" + leg;
  }

  private static String id(String run, String leg, String cache) {
    return run + "/" + leg + "/" + cache;
  }
}
