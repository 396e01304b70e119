package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.Invariant;
import dev.strata.domain.run.api.DarwinCacheSaved;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Invariant 10 (DOMAIN.md 8.2, 8.6): the Darwin caches of a repository stay within their budget,
 * and pull requests save nothing ungated. Usage is the sum of the latest size saved under each key,
 * minus evicted keys. A save followed by evictions that bring usage back under budget is fine, so
 * usage is checked just before each save and at the end of the log; one violation per episode above
 * budget.
 */
final class DarwinCacheBudget {

  private final Findings findings;
  private final long budget;
  private final Map<String, Usage> byRepository = new TreeMap<>();

  DarwinCacheBudget(Findings findings, long budget) {
    this.findings = findings;
    this.budget = budget;
  }

  private static final class Usage {
    final Map<String, Long> bytesByKey = new HashMap<>();
    long total;
    Evidence lastSave;
    Evidence episodeStart;
  }

  void onSave(long index, RunBook.Run run, DarwinCacheSaved e) {
    String leg = e.legId().value();
    Evidence ev = new Evidence(index, "DarwinCacheSaved", run.id, leg, e.at());
    Usage usage = byRepository.computeIfAbsent(run.repository, r -> new Usage());
    check(run.repository, usage, ev);
    Long previous = usage.bytesByKey.put(e.key(), Math.max(0, e.bytes()));
    usage.total += Math.max(0, e.bytes()) - (previous == null ? 0 : previous);
    usage.lastSave = ev;
    if (run.isPullRequest() && !e.gated()) {
      findings.add(
          Invariant.DARWIN_CACHE,
          "ungated-pr-save",
          run.id + " " + leg + " " + e.cache(),
          e.at(),
          run.id,
          leg,
          () ->
              "Pull-request run "
                  + run.id
                  + " saved Darwin cache "
                  + e.cache()
                  + " under key "
                  + e.key()
                  + " ("
                  + e.bytes()
                  + " bytes) ungated: PR-scoped entries crowd the shared budget",
          ev);
    }
  }

  void onEvicted(String key) {
    for (Usage usage : byRepository.values()) {
      Long bytes = usage.bytesByKey.remove(key);
      if (bytes != null) {
        usage.total -= bytes;
      }
    }
  }

  /** Checks usage at the end of the log. */
  void finish() {
    byRepository.forEach((repo, usage) -> check(repo, usage, null));
  }

  /**
   * Checks usage now.
   *
   * @param detectedBy the save about to happen, or null at the end of the log
   */
  private void check(String repository, Usage usage, Evidence detectedBy) {
    if (usage.total <= budget) {
      usage.episodeStart = null;
      return;
    }
    if (usage.episodeStart == null) {
      usage.episodeStart = usage.lastSave;
    }
    Evidence start = usage.episodeStart;
    long total = usage.total;
    findings.add(
        Invariant.DARWIN_CACHE,
        "darwin-over-budget",
        repository + " " + start.index(),
        start.at(),
        start.run(),
        start.leg(),
        () ->
            "Darwin caches of "
                + repository
                + " used "
                + total
                + " bytes after run "
                + start.run()
                + " saved, above the budget of "
                + budget
                + " bytes, and no eviction brought them back under it",
        start,
        detectedBy);
  }
}
