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
    Instant lastSuccess;
    Evidence lastSuccessEvent;

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
    if (entry == null) {
      return;
    }
    Instant built = run.triggeredAt;
    Evidence ev = new Evidence(index, "ArchDigestPushed", run.id, legId, at);
    if (entry.lastSuccess != null
        && Duration.between(entry.lastSuccess, built).compareTo(staleAfter) > 0) {
      Instant from = entry.lastSuccess;
      Evidence previous = entry.lastSuccessEvent;
      findings.add(
          Invariant.STALE_PYTHON_ENTRY,
          "python-gap",
          legId + " " + previous.index(),
          built,
          run.id,
          legId,
          () ->
              "Python entry "
                  + legId
                  + " had no successful build for "
                  + Duration.between(from, built).toDays()
                  + " days (from run "
                  + previous.run()
                  + " to run "
                  + run.id
                  + "): its wheels stayed frozen in the warm cache",
          previous,
          ev);
    }
    if (entry.lastSuccess == null || built.isAfter(entry.lastSuccess)) {
      entry.lastSuccess = built;
      entry.lastSuccessEvent = ev;
    }
  }

  void finish(Instant asOf) {
    for (Entry entry : entries.values()) {
      Set<String> current = latestFullPlan.get(entry.pipeline);
      if (current != null && !current.contains(entry.leg)) {
        continue;
      }
      if (entry.lastSuccess == null) {
        Instant since = entry.firstPlanned.at();
        if (Duration.between(since, asOf).compareTo(staleAfter) > 0) {
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
      } else if (Duration.between(entry.lastSuccess, asOf).compareTo(staleAfter) > 0) {
        Instant last = entry.lastSuccess;
        findings.add(
            Invariant.STALE_PYTHON_ENTRY,
            "python-stale",
            entry.leg + " " + entry.lastSuccessEvent.index(),
            last,
            entry.lastSuccessEvent.run(),
            entry.leg,
            () ->
                "Python entry "
                    + entry.leg
                    + " was last built successfully by run "
                    + entry.lastSuccessEvent.run()
                    + ", "
                    + Duration.between(last, asOf).toDays()
                    + " days before "
                    + asOf,
            entry.lastSuccessEvent);
      }
    }
  }
}
