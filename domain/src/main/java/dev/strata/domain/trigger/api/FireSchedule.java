package dev.strata.domain.trigger.api;

import dev.strata.domain.Values;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Fire one slot of a platform schedule. Creating the slot a second time fails in the event store,
 * so only one process fires it.
 *
 * @param slotId the slot (schedule name and minute)
 * @param cron the schedule's cron expression, e.g. {@code 0 6 * * 0}
 * @param slot the minute the slot is due
 * @param runId the run the slot starts
 * @param at when it was fired (later than {@code slot} for a slot missed while the platform was
 *     down)
 */
public record FireSchedule(
    @TargetAggregateIdentifier ScheduleSlotId slotId,
    String cron,
    Instant slot,
    RunId runId,
    Instant at)
    implements ScheduleCommand {
  public FireSchedule {
    Values.required(slotId, "schedule slot id");
    Values.required(cron, "cron expression");
    Values.required(slot, "slot time");
    Values.required(runId, "run id");
    Values.required(at, "firing time");
  }
}
