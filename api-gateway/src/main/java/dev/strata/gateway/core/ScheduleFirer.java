package dev.strata.gateway.core;

import dev.strata.domain.trigger.api.FireSchedule;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.ScheduleSlotId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.gateway.core.TriggerAdmission.Admission;
import dev.strata.gateway.core.TriggerAdmission.TriggerRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the platform's schedules. Each slot is one {@code ScheduleSlot} aggregate and its run id
 * derives from the slot id, so when several gateway processes fire the same slot the event store
 * lets exactly one create it, and the run exists once. On start-up the latest slot within the
 * catch-up window is fired too: a slot missed while the platform was down runs once.
 */
public final class ScheduleFirer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleFirer.class);

  private final List<ScheduleSpec> specs;
  private final Commands commands;
  private final TriggerAdmission admission;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private final Duration catchUp;
  private final List<ScheduledFuture<?>> pending = new ArrayList<>();
  private volatile boolean closed;

  public ScheduleFirer(
      List<ScheduleSpec> specs,
      Commands commands,
      TriggerAdmission admission,
      Clock clock,
      ScheduledExecutorService timer,
      Duration catchUp) {
    this.specs = List.copyOf(specs);
    this.commands = commands;
    this.admission = admission;
    this.clock = clock;
    this.timer = timer;
    this.catchUp = catchUp;
  }

  /** Fires missed slots and arms a timer for each schedule's next slot. */
  public List<CompletableFuture<Admission>> start() {
    List<CompletableFuture<Admission>> missed = new ArrayList<>();
    Instant now = clock.instant();
    for (ScheduleSpec spec : specs) {
      Instant last = spec.cron().previousOrSame(now);
      if (!last.isBefore(now.minus(catchUp))) {
        missed.add(fire(spec, last));
      }
      arm(spec);
    }
    return missed;
  }

  private void arm(ScheduleSpec spec) {
    if (closed) {
      return;
    }
    Instant next = spec.cron().next(clock.instant());
    long delay = Math.max(0, Duration.between(clock.instant(), next).toMillis());
    synchronized (pending) {
      pending.removeIf(ScheduledFuture::isDone);
      pending.add(
          timer.schedule(
              () -> {
                fire(spec, next);
                arm(spec);
              },
              delay,
              TimeUnit.MILLISECONDS));
    }
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
              if (err != null) {
                LOG.info(
                    "Schedule slot {} was not recorded here ({}); admitting its run {} anyway,"
                        + " which is idempotent",
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

  @Override
  public void close() {
    closed = true;
    synchronized (pending) {
      pending.forEach(f -> f.cancel(false));
      pending.clear();
    }
  }
}
