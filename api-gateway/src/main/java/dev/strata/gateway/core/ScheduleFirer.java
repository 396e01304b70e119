package dev.strata.gateway.core;

import dev.strata.domain.trigger.api.FireSchedule;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.ScheduleSlotId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.gateway.core.TriggerAdmission.Admission;
import dev.strata.gateway.core.TriggerAdmission.TriggerRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the platform's schedules. Each slot is one {@code ScheduleSlot} aggregate and its run id
 * derives from the slot id, so when several gateway processes fire the same slot the event store
 * lets exactly one record it, and the run exists once. {@link #tick()} runs on the gateway's
 * housekeeping timer and reads the injected clock: the first tick after start-up fires the latest
 * slot within the catch-up window (a slot missed while the platform was down runs once; on a later
 * start-up the slot is already recorded and nothing new happens), later ticks fire each slot that
 * fell due since.
 */
public final class ScheduleFirer {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleFirer.class);

  private final List<ScheduleSpec> specs;
  private final Commands commands;
  private final TriggerAdmission admission;
  private final Clock clock;
  private final Duration catchUp;
  private final Map<String, Instant> lastTried = new ConcurrentHashMap<>();
  private final Counter recorded;
  private final Counter alreadyRecorded;

  public ScheduleFirer(
      List<ScheduleSpec> specs,
      Commands commands,
      TriggerAdmission admission,
      Clock clock,
      Duration catchUp,
      MeterRegistry registry) {
    this.specs = List.copyOf(specs);
    this.commands = commands;
    this.admission = admission;
    this.clock = clock;
    this.catchUp = catchUp;
    this.recorded = fires(registry, "recorded");
    this.alreadyRecorded = fires(registry, "already-recorded");
  }

  private static Counter fires(MeterRegistry registry, String outcome) {
    return Counter.builder("strata.schedule.fires")
        .description("Schedule slots this gateway tried to fire, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  /** Fires every slot that is due and not yet tried by this process; returns the admissions. */
  public List<CompletableFuture<Admission>> tick() {
    List<CompletableFuture<Admission>> fired = new ArrayList<>();
    Instant now = clock.instant();
    for (ScheduleSpec spec : specs) {
      Instant due = spec.cron().previousOrSame(now);
      Instant last = lastTried.get(spec.name());
      if ((last == null || due.isAfter(last)) && !due.isBefore(now.minus(catchUp))) {
        lastTried.put(spec.name(), due);
        fired.add(fire(spec, due));
      }
    }
    return fired;
  }

  /** Fires {@code slot} of {@code spec}: records the slot, then admits its run (both once). */
  public CompletableFuture<Admission> fire(ScheduleSpec spec, Instant slot) {
    ScheduleSlotId slotId = ScheduleSlotId.of(spec.name(), slot);
    String delivery = "schedule:" + slotId;
    RunId runId = RunIds.forDelivery(delivery);
    Instant now = clock.instant();
    Instant at = now.isBefore(slot) ? slot : now;
    String cron = spec.cron().toString();
    return commands
        .send(new FireSchedule(slotId, cron, slot, runId, at))
        .handle(
            (ok, err) -> {
              if (err == null) {
                recorded.increment();
                LOG.info("Schedule slot {} fired: run {}", slotId, runId);
              } else {
                alreadyRecorded.increment();
                // another process recorded it (or an earlier start-up did): admitting the run
                // again is idempotent, and covers a process that died between the two steps
                LOG.info(
                    "Schedule slot {} was recorded already ({}); its run {} exists or is admitted"
                        + " now",
                    slotId,
                    Commands.cause(err).getClass().getSimpleName(),
                    runId);
              }
              return null;
            })
        .thenCompose(
            x ->
                admission.admit(
                    new TriggerRequest(
                        delivery,
                        Trigger.schedule(spec.repository(), cron, spec.branch(), null),
                        spec.pipelines())));
  }
}
