package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.api.CacheEvictionEntry;
import dev.strata.domain.audit.api.CacheReadEntry;
import dev.strata.domain.audit.api.CacheRefReport;
import dev.strata.domain.audit.api.CacheWriteEntry;
import dev.strata.domain.audit.api.WeeklyHits;
import dev.strata.domain.cache.api.IsoWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes, reads and evictions per registry cache ref. Counts and weekly hit ratios cover what the
 * query lists; only the latest {@code entryLimit} entries of each kind are kept in full, so memory
 * stays bounded by the number of refs.
 */
final class CacheLedger {

  private final AuditQuery query;
  private final int entryLimit;
  private final Map<String, Ref> refs = new HashMap<>();
  // week keys per day: a replay asks for the same few hundred days a million times
  private final Map<Long, String> weekOfDay = new HashMap<>();

  CacheLedger(AuditQuery query, int entryLimit) {
    this.query = query;
    this.entryLimit = entryLimit;
  }

  /** One ref's tallies. */
  private static final class Ref {
    long writes;
    long reads;
    long evictions;
    long cached;
    long executed;
    String lastWriteRun;
    final TreeMap<String, long[]> weekly = new TreeMap<>();
    final Deque<CacheWriteEntry> latestWrites = new ArrayDeque<>();
    final Deque<CacheReadEntry> latestReads = new ArrayDeque<>();
    final Deque<CacheEvictionEntry> latestEvictions = new ArrayDeque<>();
  }

  void write(long index, RunBook.Run run, String leg, String ref, Instant at) {
    Ref r = ref(ref);
    if (listed(run, at)) {
      r.writes++;
      keep(r.latestWrites, new CacheWriteEntry(index, run.id, leg, run.trigger(), run.commit, at));
    }
    r.lastWriteRun = run.id;
  }

  void read(
      long index,
      RunBook.Run run,
      String leg,
      String ref,
      Instant at,
      long cachedSteps,
      long executedSteps) {
    Ref r = ref(ref);
    if (!listed(run, at)) {
      return;
    }
    r.reads++;
    r.cached += cachedSteps;
    r.executed += executedSteps;
    long[] week = r.weekly.computeIfAbsent(weekOf(at), w -> new long[3]);
    week[0]++;
    week[1] += cachedSteps;
    week[2] += executedSteps;
    keep(
        r.latestReads,
        new CacheReadEntry(
            index, run.id, leg, run.trigger(), at, cachedSteps, executedSteps, r.lastWriteRun));
  }

  void evict(long index, String ref, String evictionId, String by, String reason, Instant at) {
    Ref r = ref(ref);
    if (query.covers(at)) {
      r.evictions++;
      keep(r.latestEvictions, new CacheEvictionEntry(index, evictionId, by, reason, at));
    }
  }

  /** Whether the ref has ever been touched (a write, a read or an eviction). */
  boolean knows(String ref) {
    return refs.containsKey(ref);
  }

  /** The refs the query concerns, sorted by ref. */
  List<CacheRefReport> report() {
    List<String> names = new ArrayList<>(refs.keySet());
    names.sort(null);
    List<CacheRefReport> out = new ArrayList<>();
    for (String name : names) {
      Ref r = refs.get(name);
      boolean used = r.writes > 0 || r.reads > 0;
      if (!used && (query.run() != null || r.evictions == 0)) {
        continue;
      }
      List<WeeklyHits> weekly = new ArrayList<>();
      r.weekly.forEach(
          (week, v) ->
              weekly.add(new WeeklyHits(week, v[0], v[1], v[2], CacheRefReport.ratio(v[1], v[2]))));
      out.add(
          new CacheRefReport(
              name,
              r.writes,
              r.reads,
              r.evictions,
              r.cached,
              r.executed,
              CacheRefReport.ratio(r.cached, r.executed),
              weekly,
              new ArrayList<>(r.latestWrites),
              new ArrayList<>(r.latestReads),
              new ArrayList<>(r.latestEvictions)));
    }
    return out;
  }

  private boolean listed(RunBook.Run run, Instant at) {
    return query.covers(at) && (query.run() == null || query.run().value().equals(run.id));
  }

  private <T> void keep(Deque<T> deque, T entry) {
    deque.addLast(entry);
    if (entryLimit > 0 && deque.size() > entryLimit) {
      deque.removeFirst();
    }
  }

  private Ref ref(String ref) {
    return refs.computeIfAbsent(ref, k -> new Ref());
  }

  private String weekOf(Instant at) {
    long day = Math.floorDiv(at.getEpochSecond(), 86_400L);
    return weekOfDay.computeIfAbsent(
        day, d -> IsoWeek.isoOf(LocalDate.ofInstant(at, ZoneOffset.UTC)).value());
  }
}
