package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.Invariant;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.PlannedLeg;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Invariant 8: a Python-Dockerfile entry is built successfully (published, not a pull request) at
 * least every {@code staleAfter}, else its wheels stay frozen in a warm cache. Builds count at
 * their run's trigger time, so a weekly schedule is exactly 7 days apart. At the end, only entries
 * still in the latest full plan of their pipeline are checked (removed entries are not stale).
 */
final class PythonFreshness {

  private final Findings findings;
  private final Duration staleAfter;
  private final Map<String, Entry> entries = new HashMap<>();
  private final Map<String, Set<String>> latestFullPlan = new HashMap<>();

  PythonFreshness(Findings findings, Duration staleAfter) {
    this.findings = findings;
    this.staleAfter = staleAfter;
  }

  private static final class Entry {
    final String leg;
    final String pipeline;
    final Evidence firstPlanned;
    // successful builds by their run's trigger time; runs may be logged out of time order
    final TreeMap<Instant, Evidence> successes = new TreeMap<>();

    Entry(String leg, String pipeline, Evidence firstPlanned) {
      this.leg = leg;
      this.pipeline = pipeline;
      this.firstPlanned = firstPlanned;
    }
  }

  void onPlan(long index, RunBook.Run run, MatrixFiltered e) {
    Set<String> python = new HashSet<>();
    for (PlannedLeg leg : e.legs()) {
      var dockerfile = leg.fields().get("dockerfile");
      if (leg.darwin()
          || dockerfile == null
          || !dockerfile.asString().endsWith("Dockerfile.python")) {
        continue;
      }
      String id = leg.legId().value();
      python.add(id);
      entries.computeIfAbsent(
          id,
          k ->
              new Entry(
                  k,
                  e.pipeline(),
                  new Evidence(index, "MatrixFiltered", run.id, null, run.triggeredAt)));
    }
    if (e.runAll()) {
      latestFullPlan.put(e.pipeline(), python);
    }
  }

  void onPublished(long index, RunBook.Run run, RunBook.Leg leg, String legId, Instant at) {
    if (run.isPullRequest() || leg == null || !leg.isPython()) {
      return;
    }
    Entry entry = entries.get(legId);
    if (entry != null) {
      entry.successes.putIfAbsent(
          run.triggeredAt, new Evidence(index, "ArchDigestPushed", run.id, legId, at));
    }
  }

  void finish(Instant asOf) {
    for (Entry entry : entries.values()) {
      Set<String> current = latestFullPlan.get(entry.pipeline);
      boolean inMatrix = current == null || current.contains(entry.leg);
      Map.Entry<Instant, Evidence> previous = null;
      for (Map.Entry<Instant, Evidence> success : entry.successes.entrySet()) {
        if (previous != null && stale(previous.getKey(), success.getKey())) {
          gap(entry, previous, success);
        }
        previous = success;
      }
      if (!inMatrix) {
        continue;
      }
      if (previous == null) {
        neverBuilt(entry, asOf);
      } else if (stale(previous.getKey(), asOf)) {
        staleAtEnd(entry, previous.getValue(), previous.getKey(), asOf);
      }
    }
  }

  private boolean stale(Instant from, Instant to) {
    return Duration.between(from, to).compareTo(staleAfter) > 0;
  }

  private void gap(
      Entry entry, Map.Entry<Instant, Evidence> from, Map.Entry<Instant, Evidence> to) {
    Evidence before = from.getValue();
    Evidence after = to.getValue();
    long days = Duration.between(from.getKey(), to.getKey()).toDays();
    findings.add(
        Invariant.STALE_PYTHON_ENTRY,
        "python-gap",
        entry.leg + " " + before.index(),
        to.getKey(),
        after.run(),
        entry.leg,
        () ->
            "Python entry "
                + entry.leg
                + " had no successful build for "
                + days
                + " days (from run "
                + before.run()
                + " to run "
                + after.run()
                + "): its wheels stayed frozen in the warm cache",
        before,
        after);
  }

  private void neverBuilt(Entry entry, Instant asOf) {
    Instant since = entry.firstPlanned.at();
    if (!stale(since, asOf)) {
      return;
    }
    findings.add(
        Invariant.STALE_PYTHON_ENTRY,
        "python-never-built",
        entry.leg,
        since,
        entry.firstPlanned.run(),
        entry.leg,
        () ->
            "Python entry "
                + entry.leg
                + " was planned first in run "
                + entry.firstPlanned.run()
                + " and never built successfully in the "
                + Duration.between(since, asOf).toDays()
                + " days since",
        entry.firstPlanned);
  }

  private void staleAtEnd(Entry entry, Evidence last, Instant lastAt, Instant asOf) {
    findings.add(
        Invariant.STALE_PYTHON_ENTRY,
        "python-stale",
        entry.leg + " " + last.index(),
        lastAt,
        last.run(),
        entry.leg,
        () ->
            "Python entry "
                + entry.leg
                + " was last built successfully by run "
                + last.run()
                + ", "
                + Duration.between(lastAt, asOf).toDays()
                + " days before "
                + asOf,
        last);
  }
}
