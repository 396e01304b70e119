package dev.strata.domain.audit.model;

import dev.strata.domain.Values;
import dev.strata.domain.audit.api.AuditRulesView;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * The thresholds and profile data the audit applies.
 *
 * @param mergeWindow how long a pushed digest may wait for a merge that covers it (invariant 5)
 * @param pythonStaleAfter how long a Python-Dockerfile entry may go without a successful build
 *     (invariant 8)
 * @param darwinBudgetBytes the Darwin cache budget per repository (invariant 10; GitHub's 10 GB)
 * @param weekTolerance how far from a week boundary a DEPS_REFRESH value may still carry the
 *     neighbouring week (the key is computed at job start, a little after the claim)
 * @param entryLimit how many latest writes, reads and evictions each cache ref lists (0 = all)
 * @param evidenceLimit how many events a folded violation keeps as evidence
 * @param imagesPresentAtStart image refs that existed before the log began (builder bases pushed
 *     before Strata recorded anything), invariant 4
 * @param prRepositories the repositories pull-request builds may push to; empty = not checked
 */
public record AuditRules(
    Duration mergeWindow,
    Duration pythonStaleAfter,
    long darwinBudgetBytes,
    Duration weekTolerance,
    int entryLimit,
    int evidenceLimit,
    Set<String> imagesPresentAtStart,
    Set<String> prRepositories) {

  /** GitHub's cache cap per repository, 10 GB (DOMAIN.md 8.6). */
  public static final long GITHUB_CACHE_BUDGET = 10L * 1024 * 1024 * 1024;

  public AuditRules {
    positive(mergeWindow, "merge window");
    positive(pythonStaleAfter, "python staleness threshold");
    Values.required(weekTolerance, "week tolerance");
    if (darwinBudgetBytes <= 0) {
      throw new IllegalArgumentException(
          "Invalid Darwin cache budget " + darwinBudgetBytes + " bytes: expected more than 0");
    }
    if (entryLimit < 0 || evidenceLimit < 1) {
      throw new IllegalArgumentException(
          "Invalid limits: entries "
              + entryLimit
              + " (expected 0 or more), evidence "
              + evidenceLimit
              + " (expected 1 or more)");
    }
    imagesPresentAtStart = new TreeSet<>(Values.required(imagesPresentAtStart, "images"));
    prRepositories = new TreeSet<>(Values.required(prRepositories, "PR repositories"));
  }

  /** 2 h merge window, 7 days for Python entries, 10 GB Darwin budget, 20 entries per ref. */
  public static AuditRules defaults() {
    return new AuditRules(
        Duration.ofHours(2),
        Duration.ofDays(7),
        GITHUB_CACHE_BUDGET,
        Duration.ofHours(1),
        20,
        10,
        Set.of(),
        Set.of());
  }

  /** These rules with another merge window. */
  public AuditRules withMergeWindow(Duration window) {
    return new AuditRules(
        window,
        pythonStaleAfter,
        darwinBudgetBytes,
        weekTolerance,
        entryLimit,
        evidenceLimit,
        imagesPresentAtStart,
        prRepositories);
  }

  /** These rules with another Darwin budget. */
  public AuditRules withDarwinBudget(long bytes) {
    return new AuditRules(
        mergeWindow,
        pythonStaleAfter,
        bytes,
        weekTolerance,
        entryLimit,
        evidenceLimit,
        imagesPresentAtStart,
        prRepositories);
  }

  /** These rules listing {@code limit} latest entries per cache ref (0 = all). */
  public AuditRules withEntryLimit(int limit) {
    return new AuditRules(
        mergeWindow,
        pythonStaleAfter,
        darwinBudgetBytes,
        weekTolerance,
        limit,
        evidenceLimit,
        imagesPresentAtStart,
        prRepositories);
  }

  /** These rules assuming {@code images} existed before the log began. */
  public AuditRules withImagesPresentAtStart(Set<String> images) {
    return new AuditRules(
        mergeWindow,
        pythonStaleAfter,
        darwinBudgetBytes,
        weekTolerance,
        entryLimit,
        evidenceLimit,
        images,
        prRepositories);
  }

  /** These rules checking that pull requests push only to {@code repositories}. */
  public AuditRules withPrRepositories(Set<String> repositories) {
    return new AuditRules(
        mergeWindow,
        pythonStaleAfter,
        darwinBudgetBytes,
        weekTolerance,
        entryLimit,
        evidenceLimit,
        imagesPresentAtStart,
        repositories);
  }

  /** The thresholds as the report prints them. */
  public AuditRulesView view() {
    return new AuditRulesView(
        mergeWindow.toString(), pythonStaleAfter.toString(), darwinBudgetBytes, entryLimit);
  }

  private static void positive(Duration d, String what) {
    Values.required(d, what);
    if (d.isZero() || d.isNegative()) {
      throw new IllegalArgumentException("Invalid " + what + " " + d + ": expected more than 0");
    }
  }
}
