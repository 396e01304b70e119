package dev.strata.domain.trigger.api;

import java.time.Instant;

/** Every event the {@code ScheduleSlot} aggregate records. */
public sealed interface ScheduleEvent permits ScheduleFired {

  /** The slot the event belongs to. */
  ScheduleSlotId slotId();

  /** When it happened. */
  Instant at();
}
