package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the plan of one pipeline. */
public record RecordMatrix(
    @TargetAggregateIdentifier RunId runId,
    String pipeline,
    boolean runAll,
    String runAllReason,
    List<PlannedLeg> legs,
    List<MergeGroup> mergeGroups,
    List<String> changedBackends,
    List<String> rulesFired,
    Instant at)
    implements RunCommand {}
