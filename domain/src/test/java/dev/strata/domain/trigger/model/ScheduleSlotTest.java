package dev.strata.domain.trigger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.trigger.api.FireSchedule;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.ScheduleFired;
import dev.strata.domain.trigger.api.ScheduleSlotId;
import java.time.Instant;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScheduleSlotTest {
  // DOMAIN.md 1: backend.yml's cron 0 6 * * 0 (Sundays 06:00 UTC)
  private static final Instant SUNDAY_0600 = Instant.parse("2026-11-29T06:00:00Z");
  private static final ScheduleSlotId SLOT = ScheduleSlotId.of("backends-weekly", SUNDAY_0600);
  private static final RunId RUN = RunId.of("s0a1b2c3");

  private AggregateTestFixture<ScheduleSlot> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ScheduleSlot.class);
  }

  @Test
  void slotId_namesScheduleAndMinute() {
    assertThat(SLOT.value()).isEqualTo("backends-weekly@20261129T0600Z");
    assertThat(ScheduleSlotId.of("base-images", Instant.parse("2026-11-28T05:00:59Z")).value())
        .isEqualTo("base-images@20261128T0500Z");
  }

  @Test
  void slotId_rejectsNamesThatAreNotLowercaseWords() {
    assertThatThrownBy(() -> new ScheduleSlotId("Backends@20261129T0600Z"))
        .hasMessageContaining("\"Backends@20261129T0600Z\"");
  }

  @Test
  void fire_onTime_recordsTheRunItStarts() {
    fixture
        .givenNoPriorActivity()
        .when(new FireSchedule(SLOT, "0 6 * * 0", SUNDAY_0600, RUN, SUNDAY_0600))
        .expectEvents(new ScheduleFired(SLOT, "0 6 * * 0", SUNDAY_0600, RUN, SUNDAY_0600));
  }

  @Test
  void fire_late_recordsWhenTheMissedSlotWasFired() {
    Instant startUp = Instant.parse("2026-11-30T08:13:00Z");
    fixture
        .givenNoPriorActivity()
        .when(new FireSchedule(SLOT, "0 6 * * 0", SUNDAY_0600, RUN, startUp))
        .expectEvents(new ScheduleFired(SLOT, "0 6 * * 0", SUNDAY_0600, RUN, startUp));
  }

  @Test
  void fire_beforeTheSlotIsDue_isRefused() {
    fixture
        .givenNoPriorActivity()
        .when(new FireSchedule(SLOT, "0 6 * * 0", SUNDAY_0600, RUN, SUNDAY_0600.minusSeconds(60)))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }

  @Test
  void fire_aSecondTime_fails() {
    fixture
        .given(new ScheduleFired(SLOT, "0 6 * * 0", SUNDAY_0600, RUN, SUNDAY_0600))
        .when(new FireSchedule(SLOT, "0 6 * * 0", SUNDAY_0600, RUN, SUNDAY_0600))
        .expectException(EventStoreException.class)
        .expectNoEvents();
  }
}
