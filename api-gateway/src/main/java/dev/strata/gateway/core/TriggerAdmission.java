package dev.strata.gateway.core;

import dev.strata.domain.run.api.CancelRun;
import dev.strata.domain.run.api.ReceiveTrigger;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.model.ConcurrencyGroup;
import dev.strata.domain.trigger.model.ConcurrencyQueue.Cancellation;
import dev.strata.domain.trigger.model.ConcurrencyQueue.Decision;
import dev.strata.domain.trigger.model.ConcurrencyQueue.Run;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a trigger into a run: derives the run id from the delivery id, decides its concurrency
 * group's lane, sends {@code ReceiveTrigger}, then cancels what the decision says. Triggers of one
 * group are admitted one at a time so each decision sees the previous one. A redelivery addresses
 * the same run id; the event store refuses to create it twice and the existing run is answered.
 */
public final class TriggerAdmission {
  private static final Logger LOG = LoggerFactory.getLogger(TriggerAdmission.class);

  private final Concurrency concurrency;
  private final Lanes lanes;
  private final Commands commands;
  private final EventLog log;
  private final Executor blocking;
  private final Clock clock;
  private final Map<ConcurrencyGroup, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

  /** A trigger to admit. */
  public record TriggerRequest(String deliveryId, Trigger trigger, List<String> pipelines) {
    public TriggerRequest {
      pipelines = List.copyOf(pipelines);
    }
  }

  /** The run a trigger was admitted as (or had been admitted as, for a duplicate delivery). */
  public record Admission(
      RunId runId, String concurrencyGroup, boolean started, boolean duplicate) {}

  public TriggerAdmission(
      Concurrency concurrency,
      Lanes lanes,
      Commands commands,
      EventLog log,
      Executor blocking,
      Clock clock) {
    this.concurrency = concurrency;
    this.lanes = lanes;
    this.commands = commands;
    this.log = log;
    this.blocking = blocking;
    this.clock = clock;
  }

  /** The concurrency group {@code trigger} belongs to. */
  public ConcurrencyGroup groupOf(Trigger trigger) {
    return concurrency.groupOf(trigger);
  }

  /** Admits {@code request}; completes with the run, or fails with the command's exception. */
  public CompletableFuture<Admission> admit(TriggerRequest request) {
    ConcurrencyGroup group = concurrency.groupOf(request.trigger());
    CompletableFuture<Admission> next = new CompletableFuture<>();
    CompletableFuture<?> previous = tails.put(group, next);
    CompletableFuture<?> before =
        previous == null ? CompletableFuture.completedFuture(null) : previous;
    before
        .handle((x, e) -> null)
        .thenCompose(x -> decideAndSend(request, group))
        .whenComplete(
            (admission, err) -> {
              tails.remove(group, next);
              if (err != null) {
                next.completeExceptionally(Commands.cause(err));
              } else {
                next.complete(admission);
              }
            });
    return next;
  }

  private CompletableFuture<Admission> decideAndSend(
      TriggerRequest request, ConcurrencyGroup group) {
    RunId runId = RunIds.forDelivery(request.deliveryId());
    Trigger trigger = request.trigger();
    var lane = lanes.state(group);
    if (lane.contains(runId)) {
      return existing(runId, new IllegalStateException("run " + runId + " is queued already"));
    }
    Decision decision = concurrency.decide(lane, runId, trigger);
    boolean start = decision.started().filter(runId::equals).isPresent();
    ReceiveTrigger command =
        new ReceiveTrigger(
            runId,
            trigger,
            request.deliveryId(),
            group.key(),
            request.pipelines(),
            start,
            clock.instant());
    return commands
        .send(command)
        .handle(
            (ok, err) -> {
              if (err == null) {
                lanes.admitted(group, new Run(runId, trigger.kind()), start);
                decision.cancel().forEach(this::cancel);
                if (!decision.protectedReleases().isEmpty()) {
                  LOG.info(
                      "Run {} joined {}; releases {} kept (GitHub would have cancelled them, H2)",
                      runId,
                      group,
                      decision.protectedReleases());
                }
                return CompletableFuture.completedFuture(
                    new Admission(runId, group.key(), start, false));
              }
              return existing(runId, Commands.cause(err));
            })
        .thenCompose(f -> f);
  }

  /** After a failed ReceiveTrigger: the run exists (a duplicate delivery) or the failure stands. */
  private CompletableFuture<Admission> existing(RunId runId, Throwable failure) {
    return CompletableFuture.supplyAsync(() -> log.received(runId), blocking)
        .thenApply(
            received ->
                received
                    .map(r -> new Admission(runId, r.concurrencyGroup(), r.started(), true))
                    .orElseThrow(() -> new java.util.concurrent.CompletionException(failure)));
  }

  private void cancel(Cancellation c) {
    commands
        .send(new CancelRun(c.run(), c.message(), "run:" + c.by(), clock.instant()))
        .whenComplete(
            (ok, err) -> {
              if (err != null) {
                LOG.info(
                    "Tried to cancel run {} for run {} but failed because: {}",
                    c.run(),
                    c.by(),
                    Commands.cause(err).getMessage());
              }
            });
  }
}
