package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The matrix-service planned a pipeline of the run: the legs to build and the merge groups to
 * publish. {@code runAll} says the full matrix was selected and {@code runAllReason} why.
 */
@Revision("1")
public record MatrixFiltered(
    RunId runId,
    String pipeline,
    boolean runAll,
    String runAllReason,
    List<PlannedLeg> legs,
    List<MergeGroup> mergeGroups,
    List<String> changedBackends,
    List<String> rulesFired,
    Instant at)
    implements RunEvent {
  public MatrixFiltered {
    legs = List.copyOf(legs);
    mergeGroups = List.copyOf(mergeGroups);
    changedBackends = List.copyOf(changedBackends);
    rulesFired = List.copyOf(rulesFired);
  }
}
