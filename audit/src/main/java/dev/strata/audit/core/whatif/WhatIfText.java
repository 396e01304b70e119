package dev.strata.audit.core.whatif;

import java.util.Locale;

/** The what-if comparison as a plain-text report. */
public final class WhatIfText {
  private WhatIfText() {}

  /** Renders {@code report}; {@code profile} names the profile the triggers were planned with. */
  public static String write(WhatIfReport report, String profile) {
    StringBuilder out = new StringBuilder();
    WhatIfReport.Totals t = report.totals();
    out.append(
        String.format(
            Locale.ROOT,
            "what-if: %d recorded backend plans planned again with %s%s%n",
            t.runs(),
            profile,
            t.failed() == 0 ? "" : " (" + t.failed() + " could not be planned, left out)"));
    out.append(
        String.format(
            Locale.ROOT,
            "legs built: recorded %d, what-if %d (%s)%n",
            t.recordedLegs(),
            t.whatIfLegs(),
            delta(t.recordedLegs(), t.whatIfLegs())));
    out.append(
        String.format(
            Locale.ROOT,
            "run-all plans: recorded %d, what-if %d%n",
            t.recordedRunAll(),
            t.whatIfRunAll()));
    if (!report.rules().isEmpty()) {
      out.append(String.format(Locale.ROOT, "%nper rule (runs it fired in; legs of those runs)%n"));
      out.append(
          String.format(
              Locale.ROOT, "  %-40s %17s %21s%n", "rule", "runs rec→what-if", "legs rec→what-if"));
      for (WhatIfReport.RuleRow r : report.rules()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %-40s %8d → %-6d %10d → %-8d%n",
                r.rule(),
                r.recordedRuns(),
                r.whatIfRuns(),
                r.recordedLegs(),
                r.whatIfLegs()));
      }
    }
    out.append(String.format(Locale.ROOT, "%nper run%n"));
    out.append(
        String.format(
            Locale.ROOT,
            "  %-24s %-14s %-12s %8s %8s%n",
            "run",
            "trigger",
            "commit",
            "recorded",
            "what-if"));
    for (WhatIfReport.RunRow r : report.runs()) {
      String commit = r.commit().length() > 12 ? r.commit().substring(0, 12) : r.commit();
      out.append(
          String.format(
              Locale.ROOT,
              "  %-24s %-14s %-12s %8s %8s%s%n",
              r.run(),
              r.trigger(),
              commit,
              r.recordedLegs() + (r.recordedRunAll() ? "*" : ""),
              r.error() != null ? "-" : r.whatIfLegs() + (r.whatIfRunAll() ? "*" : ""),
              r.error() != null ? "  could not plan: " + r.error() : ""));
    }
    out.append("  (* = run-all)\n");
    return out.toString();
  }

  private static String delta(long recorded, long whatIf) {
    long d = whatIf - recorded;
    String sign = d > 0 ? "+" : "";
    if (recorded == 0) {
      return sign + d;
    }
    return String.format(Locale.ROOT, "%s%d, %s%.1f%%", sign, d, sign, 100.0 * d / recorded);
  }
}
