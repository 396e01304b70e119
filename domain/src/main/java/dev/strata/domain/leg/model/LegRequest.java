package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;

/**
 * One leg to plan: the run, its trigger, the matrix entry and the two instants the plan depends on
 * (the domain reads no clock).
 *
 * @param runId the run (keepalive anchors carry it)
 * @param trigger what started the run
 * @param entry the Linux matrix entry, fields as written
 * @param jobStart when the leg's job starts ({@code DEPS_REFRESH} is its week key)
 * @param created the image creation time for the {@code created} label
 */
public record LegRequest(
    RunId runId, Trigger trigger, LinuxEntry entry, Instant jobStart, Instant created) {
  public LegRequest {
    Values.required(runId, "run id");
    Values.required(trigger, "trigger");
    Values.required(entry, "matrix entry");
    Values.required(jobStart, "job start");
    Values.required(created, "creation time");
  }
}
