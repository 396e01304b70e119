package dev.strata.matrix.core.pipeline;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.trigger.api.TriggerKind;
import dev.strata.matrix.port.RevisionDiffs;
import java.util.ArrayList;
import java.util.List;

/** Plans a {@link FixedPipeline}: every leg when its {@link Gate} builds, nothing otherwise. */
public final class FixedPlanner {
  private FixedPlanner() {}

  /** The plan of {@code pipeline} for {@code trigger}. */
  public static FixedPlan plan(
      FixedPipeline pipeline, PipelineTrigger trigger, RevisionDiffs diffs) {
    GateDecision decision = Gate.decide(pipeline.rules(), trigger, diffs);
    boolean pr = trigger.kind() == TriggerKind.PULL_REQUEST;
    if (!decision.build()) {
      return new FixedPlan(pipeline.name(), pipeline.kind(), decision, pr, List.of(), List.of());
    }
    List<PlannedLeg> legs = new ArrayList<>();
    for (FixedLeg leg : pipeline.legs()) {
      legs.add(new PlannedLeg(leg.id(), leg.runner(), leg.mergeGroup(), false, leg.fieldsFor(pr)));
    }
    List<MergeGroup> groups = new ArrayList<>();
    for (FixedMerge merge : pipeline.merges()) {
      List<LegId> members =
          pipeline.legs().stream()
              .filter(l -> l.mergeGroup().equals(merge.tagSuffix()))
              .map(FixedLeg::id)
              .toList();
      groups.add(new MergeGroup(merge.tagSuffix(), merge.tagLatest(), members, members));
    }
    return new FixedPlan(pipeline.name(), pipeline.kind(), decision, pr, legs, groups);
  }
}
