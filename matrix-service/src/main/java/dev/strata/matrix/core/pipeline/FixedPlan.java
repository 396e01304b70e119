package dev.strata.matrix.core.pipeline;

import dev.strata.domain.Values;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import java.util.List;

/**
 * The plan of a fixed pipeline for one trigger: the gate's decision, and every leg and merge group
 * when it builds (none when it does not).
 */
public record FixedPlan(
    String pipeline,
    String kind,
    GateDecision decision,
    boolean pullRequest,
    List<PlannedLeg> legs,
    List<MergeGroup> mergeGroups) {
  public FixedPlan {
    Values.required(pipeline, "pipeline");
    Values.required(kind, "kind");
    Values.required(decision, "decision");
    legs = List.copyOf(legs);
    mergeGroups = List.copyOf(mergeGroups);
  }
}
