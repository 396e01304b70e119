package dev.strata.domain.trigger.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A schedule slot fired and started run {@code runId}; {@code at} after {@code slot} means the slot
 * was missed and fired on start-up (see {@link FireSchedule}).
 */
@Revision("1")
public record ScheduleFired(
    ScheduleSlotId slotId, String cron, Instant slot, RunId runId, Instant at)
    implements ScheduleEvent {}
