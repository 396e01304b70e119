package dev.strata.gateway.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.ScheduleFired;
import dev.strata.domain.trigger.api.ScheduleSlotId;
import dev.strata.gateway.core.CronExpression;
import dev.strata.gateway.core.RunIds;
import dev.strata.gateway.core.ScheduleSpec;
import dev.strata.runtime.config.StrataConfig;
import dev.strata.runtime.testing.TestDatabases;
import dev.strata.runtime.testing.TestDatabases.PostgresSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Platform schedules on one PostgreSQL event store: the event log, not a timer per process, decides
 * that a slot fires once. Time comes from a {@link MutableClock}.
 */
class SchedulesIntegrationTest {
  // Sunday 2026-11-29 06:00 UTC: a slot of LocalAI's weekly backend run (0 6 * * 0)
  private static final Instant SLOT = Instant.parse("2026-11-29T06:00:00Z");
  private static final ScheduleSpec WEEKLY =
      new ScheduleSpec(
          "backends-weekly",
          CronExpression.parse("0 6 * * 0"),
          Repository.parse("mudler/LocalAI"),
          "master",
          List.of("backend"));
  private static final RunId RUN =
      RunIds.forDelivery("schedule:" + ScheduleSlotId.of("backends-weekly", SLOT));

  @TempDir Path dir;
  private PostgresSchema schema;
  private final List<TestPlatform> platforms = new ArrayList<>();

  @BeforeEach
  void freshSchema() throws Exception {
    schema = TestDatabases.freshPostgresSchema();
  }

  @AfterEach
  void stop() throws Exception {
    platforms.forEach(TestPlatform::close);
    schema.close();
  }

  @Test
  void twoGateways_fireADueSlotExactlyOnce() throws Exception {
    MutableClock clock = new MutableClock(SLOT.minus(Duration.ofMinutes(1)));
    TestPlatform a = start("a", clock, Duration.ofDays(7));
    TestPlatform b = start("b", clock, Duration.ofDays(7));
    // the previous slot (a week ago) is inside the catch-up window: let both settle on it first
    RunId previous =
        RunIds.forDelivery(
            "schedule:" + ScheduleSlotId.of("backends-weekly", SLOT.minus(Duration.ofDays(7))));
    awaitTried(a, 1);
    awaitTried(b, 1);

    clock.advance(Duration.ofMinutes(2));

    awaitTried(a, 2);
    awaitTried(b, 2);
    TestPlatform.await(
        "the run visible in both gateways", () -> visible(a, RUN) && visible(b, RUN));
    assertThat(count(a, ScheduleSlotId.of("backends-weekly", SLOT).value(), ScheduleFired.class))
        .isEqualTo(1);
    assertThat(count(a, RUN.value(), TriggerReceived.class)).isEqualTo(1);
    assertThat(count(a, previous.value(), TriggerReceived.class)).isEqualTo(1);
    // each slot was recorded by exactly one of the two processes; the other found it recorded
    assertThat(fires(a, "recorded") + fires(b, "recorded")).isEqualTo(2);
    assertThat(fires(a, "already-recorded") + fires(b, "already-recorded")).isEqualTo(2);
  }

  @Test
  void missedSlot_firesOnceOnStartUp_andNotAgainOnTheNextStartUp() throws Exception {
    MutableClock clock = new MutableClock(SLOT.plus(Duration.ofHours(3)));
    TestPlatform first = start("first", clock, Duration.ofDays(1));
    awaitTried(first, 1);
    TestPlatform.await("the missed slot's run", () -> visible(first, RUN));
    assertThat(fires(first, "recorded")).isEqualTo(1);
    first.close();
    platforms.remove(first);

    clock.advance(Duration.ofHours(2));
    TestPlatform second = start("second", clock, Duration.ofDays(1));
    awaitTried(second, 1);
    TestPlatform.await("the run in the second process's view", () -> visible(second, RUN));

    assertThat(fires(second, "recorded")).isZero();
    assertThat(fires(second, "already-recorded")).isEqualTo(1);
    assertThat(
            count(second, ScheduleSlotId.of("backends-weekly", SLOT).value(), ScheduleFired.class))
        .isEqualTo(1);
    assertThat(count(second, RUN.value(), TriggerReceived.class)).isEqualTo(1);
    String run = second.get("/v1/runs/" + RUN.value(), TestPlatform.CI).body();
    assertThat(run).contains("SCHEDULE").contains("0 6 * * 0");
  }

  private TestPlatform start(String name, MutableClock clock, Duration catchUp) throws Exception {
    StrataConfig config = schema.config(dir.resolve(name));
    TestPlatform p =
        TestPlatform.start(
            config,
            o ->
                o.clock(clock)
                    .schedule(WEEKLY)
                    .scheduleCatchUp(catchUp)
                    .sweepInterval(Duration.ofMillis(50)));
    platforms.add(p);
    return p;
  }

  private static boolean visible(TestPlatform p, RunId run) {
    try {
      return p.get("/v1/runs/" + run.value(), TestPlatform.CI).statusCode() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  /** Waits until {@code p} tried {@code n} slots (recorded or found recorded) and admitted them. */
  private static void awaitTried(TestPlatform p, int n) throws InterruptedException {
    TestPlatform.await(
        n + " slot(s) tried", () -> fires(p, "recorded") + fires(p, "already-recorded") >= n);
  }

  private static long fires(TestPlatform p, String outcome) {
    try {
      String metrics = p.get("/metrics", null).body();
      for (String line : metrics.split("\n")) {
        if (line.startsWith("strata_schedule_fires_total{")
            && line.contains("outcome=\"" + outcome + "\"")) {
          return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return 0;
    } catch (Exception e) {
      return -1;
    }
  }

  private static long count(TestPlatform p, String aggregateId, Class<?> type) {
    DomainEventStream stream = p.runtime.eventStore().readEvents(aggregateId);
    long n = 0;
    while (stream.hasNext()) {
      if (type.isInstance(stream.next().getPayload())) {
        n++;
      }
    }
    return n;
  }
}
