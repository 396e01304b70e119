package dev.strata.domain.trigger.api;

import dev.strata.domain.Values;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * One slot of one platform schedule: the schedule's name and the minute it fires, e.g. {@code
 * backends-weekly@20261129T0600Z}. One {@code ScheduleSlot} aggregate exists per id, which is what
 * makes a slot fire once across processes.
 */
public record ScheduleSlotId(String value) {
  private static final Pattern VALID =
      Pattern.compile("[a-z0-9][a-z0-9-]{0,63}@[0-9]{8}T[0-9]{4}Z");
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

  public ScheduleSlotId {
    Values.matching(
        value,
        VALID,
        "schedule slot id",
        "<schedule name>@<yyyyMMdd>T<HHmm>Z, e.g. \"backends-weekly@20261129T0600Z\"");
  }

  /** The slot of schedule {@code name} that fires at {@code slot} (seconds are dropped). */
  public static ScheduleSlotId of(String name, Instant slot) {
    return new ScheduleSlotId(name + "@" + MINUTE.format(slot));
  }

  @Override
  public String toString() {
    return value;
  }
}
