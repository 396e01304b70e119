package dev.strata.launcher;

import dev.strata.audit.port.Replanner;
import dev.strata.audit.port.Replanner.Replan;
import dev.strata.matrix.boot.MatrixRole;
import dev.strata.matrix.boot.MatrixSettings;
import dev.strata.matrix.core.plan.PlanResult;
import dev.strata.matrix.core.run.TriggerPlanner;
import java.nio.file.Path;

/** The audit's what-if planned with the matrix engine (the audit module does not see it). */
final class WhatIfPlanning {
  private WhatIfPlanning() {}

  /** A replanner with {@code profile} against {@code repository}. */
  static Replanner open(Path profile, Path repository) {
    TriggerPlanner planner = MatrixRole.planner(new MatrixSettings(profile, repository));
    return trigger -> {
      try {
        return replan(planner.plan(trigger));
      } catch (TriggerPlanner.PlanningException e) {
        return Replan.failed(e.getMessage());
      }
    };
  }

  static Replan replan(PlanResult result) {
    if (result.exitCode() != 0 || result.selection() == null) {
      return Replan.failed(result.error() == null ? "planning failed" : result.error());
    }
    return new Replan(
        result.decision().runAll(),
        result.selection().linux().size(),
        result.selection().darwin().size(),
        result.decision().firedRules(),
        null);
  }
}
