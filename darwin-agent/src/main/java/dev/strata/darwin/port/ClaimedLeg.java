package dev.strata.darwin.port;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.Objects;

/**
 * A Darwin leg the control plane handed to this agent.
 *
 * @param runId the run
 * @param legId the leg ({@code darwin:<backend>})
 * @param entry the matrix entry
 * @param trigger what started the run (event kind, ref, commit)
 * @param leaseUntil until when the agent holds it without a heartbeat
 * @param attempt how many claims of this leg came before (0 for the first)
 */
public record ClaimedLeg(
    RunId runId, LegId legId, DarwinEntry entry, Trigger trigger, Instant leaseUntil, int attempt) {
  public ClaimedLeg {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(legId, "legId");
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(trigger, "trigger");
  }
}
