package dev.strata.matrix.boot;

import dev.strata.matrix.core.plan.Output;
import dev.strata.matrix.core.plan.PlanResult;
import dev.strata.matrix.core.plan.PlanResult.Decision;

/** A human-readable summary of a plan ({@code --format table}). */
final class PlanTable {
  private PlanTable() {}

  static String render(PlanResult result) {
    StringBuilder sb = new StringBuilder();
    if (result.exitCode() != 0) {
      return sb.append("FAILED: ").append(result.error()).append('\n').toString();
    }
    Decision d = result.decision();
    row(sb, "run-all", d.runAll() + (d.runAll() ? " (" + d.reason() + ")" : ""));
    if (!d.runAll()) {
      row(sb, "changed files", String.valueOf(d.changedFiles()));
      row(sb, "shared rules", d.firedRules().isEmpty() ? "-" : String.join(", ", d.firedRules()));
      if (!d.suppressedRules().isEmpty()) {
        row(sb, "suppressed", String.join(", ", d.suppressedRules()) + " (additive proto edit)");
      }
      if (d.matrixChanged()) {
        row(
            sb,
            "matrix diff",
            d.previousMatrixAvailable() ? "per entry" : "previous unavailable: all");
      }
    }
    row(sb, "linux entries", String.valueOf(d.linuxSelected()));
    row(sb, "darwin entries", String.valueOf(d.darwinSelected()));
    for (Output o : result.outputs()) {
      if (o.key().startsWith("has-")) {
        row(sb, o.key(), o.value());
      }
    }
    row(
        sb,
        "backends",
        d.changedBackends().isEmpty() ? "-" : String.join(" ", d.changedBackends()));
    return sb.toString();
  }

  private static void row(StringBuilder sb, String key, String value) {
    sb.append(String.format("%-28s %s%n", key, value));
  }
}
