package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.Invariant;
import dev.strata.domain.audit.api.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Collects violations, folding repeats of the same (invariant, rule, subject) into one with an
 * occurrence count and the first few pieces of evidence.
 */
final class Findings {

  private static final Comparator<Violation> ORDER =
      Comparator.comparingInt(Violation::invariant)
          .thenComparing(Violation::at)
          .thenComparingLong(v -> v.evidence().isEmpty() ? -1 : v.evidence().get(0).index())
          .thenComparing(Violation::rule)
          .thenComparing(Violation::subject);

  private final int evidenceLimit;
  private final Map<String, Draft> drafts = new HashMap<>();

  Findings(int evidenceLimit) {
    this.evidenceLimit = evidenceLimit;
  }

  /** A finding being collected. */
  private static final class Draft {
    final Invariant invariant;
    final String rule;
    final String subject;
    final Instant at;
    final String run;
    final String leg;
    final String message;
    final List<Evidence> evidence = new ArrayList<>();
    long occurrences;

    Draft(
        Invariant invariant,
        String rule,
        String subject,
        Instant at,
        String run,
        String leg,
        String message) {
      this.invariant = invariant;
      this.rule = rule;
      this.subject = subject;
      this.at = at;
      this.run = run;
      this.leg = leg;
      this.message = message;
    }
  }

  /**
   * Records one occurrence. The message is built only for the first occurrence of a subject.
   *
   * @param subject the dedup key within the rule
   */
  void add(
      Invariant invariant,
      String rule,
      String subject,
      Instant at,
      String run,
      String leg,
      Supplier<String> message,
      Evidence... evidence) {
    String key = invariant.number() + "\u0000" + rule + "\u0000" + subject;
    Draft draft = drafts.get(key);
    if (draft == null) {
      draft = new Draft(invariant, rule, subject, at, run, leg, message.get());
      drafts.put(key, draft);
    }
    draft.occurrences++;
    for (Evidence e : evidence) {
      if (e != null
          && draft.evidence.size() < evidenceLimit
          && draft.evidence.stream().noneMatch(x -> x.index() == e.index())) {
        draft.evidence.add(e);
      }
    }
  }

  /** The violations the query lists, sorted. */
  List<Violation> violations(AuditQuery query) {
    List<Violation> out = new ArrayList<>();
    for (Draft d : drafts.values()) {
      if (!listed(d, query)) {
        continue;
      }
      List<Evidence> evidence = new ArrayList<>(d.evidence);
      evidence.sort(Comparator.comparingLong(Evidence::index));
      out.add(
          new Violation(
              d.invariant.number(),
              d.rule,
              d.subject,
              d.at,
              d.run,
              d.leg,
              d.message,
              d.occurrences,
              evidence));
    }
    out.sort(ORDER);
    return out;
  }

  private static boolean listed(Draft d, AuditQuery query) {
    if (query.from() != null && d.at.isBefore(query.from())) {
      return false;
    }
    if (query.run() == null) {
      return true;
    }
    String run = query.run().value();
    return run.equals(d.run) || d.evidence.stream().anyMatch(e -> run.equals(e.run()));
  }
}
