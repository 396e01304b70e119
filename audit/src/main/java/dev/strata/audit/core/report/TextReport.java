package dev.strata.audit.core.report;

import dev.strata.domain.audit.api.AuditReport;
import dev.strata.domain.audit.api.CacheRefReport;
import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.InputDifference;
import dev.strata.domain.audit.api.InvariantCount;
import dev.strata.domain.audit.api.LogSummary;
import dev.strata.domain.audit.api.MissExplanation;
import dev.strata.domain.audit.api.Violation;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Audit reports and explanations for a terminal. */
public final class TextReport {
  private TextReport() {}

  /** The report: summary, invariant counts, every violation with its evidence, every cache ref. */
  public static String write(AuditReport report) {
    StringBuilder sb = new StringBuilder();
    LogSummary log = report.log();
    sb.append("Strata audit as of ").append(log.asOf() == null ? "-" : log.asOf()).append('\n');
    sb.append(
        String.format(
            Locale.ROOT,
            "Log: %d events read (global index %d..%d), %d audited; %d runs %s%n",
            log.eventsRead(),
            log.firstIndex(),
            log.lastIndex(),
            log.eventsAudited(),
            log.runs(),
            counts(log.runsByTrigger())));
    sb.append("Query: from ")
        .append(orDash(report.query().from()))
        .append(", to ")
        .append(orDash(report.query().to()))
        .append(", run ")
        .append(orDash(report.query().run()))
        .append("\n\nInvariants\n");
    for (InvariantCount c : report.invariants()) {
      sb.append(
          String.format(
              Locale.ROOT, "  %2d  %-62s %6d%n", c.invariant(), c.title(), c.violations()));
    }
    sb.append("\nViolations (").append(report.violations().size()).append(")\n");
    for (Violation v : report.violations()) {
      violation(sb, v);
    }
    sb.append("\nCache refs (").append(report.cacheRefs().size()).append(")\n");
    sb.append(
        String.format(
            Locale.ROOT, "  %-70s %7s %7s %7s %7s%n", "ref", "writes", "reads", "evicted", "hit"));
    for (CacheRefReport r : report.cacheRefs()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-70s %7d %7d %7d %7s%n",
              r.ref(),
              r.writes(),
              r.reads(),
              r.evictions(),
              percent(r.hitRatio())));
    }
    return sb.toString();
  }

  private static void violation(StringBuilder sb, Violation v) {
    sb.append("  [").append(v.invariant()).append(' ').append(v.rule()).append("] ").append(v.at());
    if (v.run() != null) {
      sb.append(" run ").append(v.run());
    }
    if (v.leg() != null) {
      sb.append(" leg ").append(v.leg());
    }
    if (v.occurrences() > 1) {
      sb.append(" (").append(v.occurrences()).append(" times)");
    }
    sb.append("\n      ").append(v.message()).append("\n      evidence:");
    for (Evidence e : v.evidence()) {
      sb.append(' ').append(evidence(e));
    }
    sb.append('\n');
  }

  /** {@code #index Type(run leg)}. */
  static String evidence(Evidence e) {
    StringBuilder sb = new StringBuilder("#").append(e.index()).append(' ').append(e.event());
    if (e.run() != null) {
      sb.append('(').append(e.run());
      if (e.leg() != null) {
        sb.append(' ').append(e.leg());
      }
      sb.append(')');
    }
    return sb.toString();
  }

  /** The explanation of a miss. */
  public static String write(MissExplanation e) {
    StringBuilder sb = new StringBuilder();
    sb.append("Leg ").append(e.leg()).append(" of run ").append(e.run()).append(": ");
    sb.append(e.verdict()).append('\n').append(e.message()).append('\n');
    if (e.cacheRef() != null) {
      sb.append("  cache ref:   ").append(e.cacheRef()).append('\n');
    }
    if (e.build() != null) {
      sb.append("  build:       ")
          .append(evidence(e.build()))
          .append(" at ")
          .append(e.build().at())
          .append(
              String.format(
                  Locale.ROOT,
                  " (%d of %d steps cached)",
                  e.cachedSteps(),
                  e.cachedSteps() + e.executedSteps()));
      if (e.firstExecutedStep() != null) {
        sb.append(", first step that ran: ").append(e.firstExecutedStep());
      }
      sb.append('\n');
    }
    if (e.lastWrite() != null) {
      sb.append("  last write:  ")
          .append(evidence(e.lastWrite()))
          .append(' ')
          .append(e.lastWriteTrigger())
          .append(" at ")
          .append(e.lastWrite().at())
          .append('\n');
    }
    if (e.eviction() != null) {
      sb.append("  evicted:     #")
          .append(e.eviction().index())
          .append(" eviction ")
          .append(e.eviction().evictionId())
          .append(" by ")
          .append(e.eviction().evictedBy())
          .append(" at ")
          .append(e.eviction().at())
          .append(" (")
          .append(e.eviction().reason())
          .append(")\n");
    }
    if (!e.differences().isEmpty()) {
      sb.append("  differences:\n");
      for (InputDifference d : e.differences()) {
        sb.append(
            String.format(
                Locale.ROOT,
                "    %-28s %s -> %s%n",
                d.input(),
                shown(d.before()),
                shown(d.after())));
      }
    }
    return sb.toString();
  }

  static String percent(Double ratio) {
    return ratio == null ? "-" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }

  private static String shown(String value) {
    return value == null ? "(absent)" : value.isEmpty() ? "\"\"" : value;
  }

  private static String counts(Map<String, Long> byKind) {
    return byKind.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }
}
