package dev.strata.merge.core;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.trigger.api.RunId;
import java.util.Map;

/**
 * What the log says about one merge group of one run, as {@link MergePlanner} needs it.
 *
 * @param runId the run
 * @param pullRequest whether the run is a pull request (never merged)
 * @param cancelled whether the run was cancelled
 * @param group the group as planned
 * @param merged whether the group was merged already
 * @param deferReason the reason of the last deferral, or null
 * @param pushed digests this run's legs pushed
 * @param failed failure reasons of this run's legs
 * @param previous the last digest pushed for each leg on the same ref by an earlier run
 * @param supersededBy a later run that already merged the same group on the same ref, or null
 */
public record GroupFacts(
    RunId runId,
    boolean pullRequest,
    boolean cancelled,
    MergeGroup group,
    boolean merged,
    String deferReason,
    Map<LegId, Digest> pushed,
    Map<LegId, String> failed,
    Map<LegId, MergeSource> previous,
    RunId supersededBy) {

  public GroupFacts {
    pushed = Map.copyOf(pushed);
    failed = Map.copyOf(failed);
    previous = Map.copyOf(previous);
  }
}
