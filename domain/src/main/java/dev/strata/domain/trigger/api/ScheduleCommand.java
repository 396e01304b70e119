package dev.strata.domain.trigger.api;

/** Every command the {@code ScheduleSlot} aggregate handles. */
public sealed interface ScheduleCommand permits FireSchedule {

  /** The target slot. */
  ScheduleSlotId slotId();
}
