package dev.strata.matrix.core.run;

import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.matrix.model.MergeGrouping;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.matrix.core.pipeline.FixedPlan;
import dev.strata.matrix.core.pipeline.GateDecision;
import dev.strata.matrix.core.plan.PlanResult;
import dev.strata.matrix.core.plan.RunAllReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a successful plan into the run's {@link RecordMatrix}: one leg per selected entry (Linux
 * legs keyed {@code <tag-suffix>@<platform-tag>} on their {@code runs-on}, Darwin legs on {@code
 * macos-latest}), and one merge group per non-empty Linux tag-suffix among the selected legs
 * (DOMAIN.md 3.10) that lists every leg the group has in the current matrix (15.4).
 */
public final class RunPlans {
  private RunPlans() {}

  /**
   * The command recording {@code result} (which must have succeeded) as pipeline {@code pipeline}.
   */
  public static RecordMatrix record(RunId runId, String pipeline, PlanResult result, Instant at) {
    PlanResult.Selection selection = result.selection();
    PlanResult.Decision decision = result.decision();
    if (result.exitCode() != 0 || selection == null || decision == null) {
      throw new IllegalArgumentException(
          "Tried to record the plan of run " + runId + " but failed because: it did not succeed");
    }
    List<PlannedLeg> legs = new ArrayList<>();
    for (LinuxEntry e : selection.linux()) {
      legs.add(
          new PlannedLeg(
              LegId.linux(e.legKey()),
              RunnerClass.of(e.runsOn()),
              e.tagSuffix(),
              false,
              e.fields()));
    }
    for (DarwinEntry e : selection.darwin()) {
      legs.add(
          new PlannedLeg(
              LegId.darwin(e.backend()),
              RunnerClass.MACOS_LATEST,
              e.tagSuffix(),
              true,
              e.fields()));
    }
    return new RecordMatrix(
        runId,
        pipeline,
        decision.runAll(),
        reason(decision.reason()),
        legs,
        mergeGroups(selection),
        List.copyOf(decision.changedBackends()),
        List.copyOf(decision.firedRules()),
        at);
  }

  /**
   * The command recording a fixed pipeline's plan: {@code runAll} is the gate's build decision
   * (every leg or none), {@code runAllReason} its reason code when it builds, and {@code
   * rulesFired} one entry {@code gate <reason>: <detail>} saying why either way.
   */
  public static RecordMatrix record(RunId runId, FixedPlan plan, Instant at) {
    GateDecision d = plan.decision();
    return new RecordMatrix(
        runId,
        plan.pipeline(),
        d.build(),
        d.build() ? d.reason() : "",
        plan.legs(),
        plan.mergeGroups(),
        List.of(),
        List.of("gate " + d.reason() + ": " + d.detail()),
        at);
  }

  /** Merge groups of the selected Linux legs, each with all its legs in the current matrix. */
  static List<MergeGroup> mergeGroups(PlanResult.Selection selection) {
    List<MergeGroup> groups = new ArrayList<>();
    for (MergeGrouping.MergeGroup row : MergeGrouping.group(selection.linux()).groups()) {
      TagSuffix suffix = row.suffix();
      groups.add(
          new MergeGroup(
              suffix,
              row.tagLatest().asString(),
              legsOf(row.tagSuffix(), selection.linux()),
              legsOf(row.tagSuffix(), selection.allLinux())));
    }
    return groups;
  }

  private static List<LegId> legsOf(Scalar tagSuffix, List<LinuxEntry> entries) {
    return entries.stream()
        .filter(e -> tagSuffix.equals(e.fields().get("tag-suffix")))
        .map(e -> LegId.linux(e.legKey()))
        .toList();
  }

  /** {@code ZERO_BEFORE} reads {@code zero-before}; "" when the plan is filtered. */
  static String reason(RunAllReason reason) {
    return reason == null ? "" : reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
