package dev.strata.matrix.boot;

import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.matrix.core.pipeline.FixedPlan;
import java.util.List;

/** A fixed pipeline's plan for people ({@code strata plan --pipeline NAME --format table}). */
final class FixedPlanTable {
  /** Leg fields shown as columns when a leg has them. */
  private static final List<String> COLUMNS =
      List.of("build-type", "platforms", "tag-suffix", "base-image");

  private FixedPlanTable() {}

  static String render(FixedPlan plan) {
    StringBuilder sb = new StringBuilder();
    row(sb, "pipeline", plan.pipeline() + " (" + plan.kind() + ")");
    row(sb, "build", plan.decision().build() + " (" + plan.decision().reason() + ")");
    row(sb, "why", plan.decision().detail());
    row(sb, "legs", String.valueOf(plan.legs().size()));
    row(sb, "merge groups", String.valueOf(plan.mergeGroups().size()));
    if (!plan.legs().isEmpty()) {
      sb.append('\n')
          .append(
              String.format(
                  "%-40s %-18s %-12s %-12s %-28s %s%n", "LEG", "RUNS-ON", COLUMNS.toArray()));
      for (PlannedLeg leg : plan.legs()) {
        Object[] cells = new Object[2 + COLUMNS.size()];
        cells[0] = leg.legId().value();
        cells[1] = leg.runnerClass().value();
        for (int i = 0; i < COLUMNS.size(); i++) {
          Scalar v = leg.fields().get(COLUMNS.get(i));
          cells[2 + i] = v == null ? "-" : v.asString().isEmpty() ? "''" : v.asString();
        }
        sb.append(String.format("%-40s %-18s %-12s %-12s %-28s %s%n", cells));
      }
    }
    if (!plan.mergeGroups().isEmpty()) {
      sb.append('\n').append(String.format("%-28s %-10s %s%n", "MERGE GROUP", "LATEST", "LEGS"));
      for (MergeGroup m : plan.mergeGroups()) {
        String sfx = m.tagSuffix().isEmpty() ? "''" : m.tagSuffix().value();
        sb.append(
            String.format(
                "%-28s %-10s %s%n",
                sfx,
                m.tagLatest(),
                String.join(" ", m.groupLegs().stream().map(l -> l.value()).toList())));
      }
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String key, String value) {
    sb.append(String.format("%-28s %s%n", key, value));
  }
}
