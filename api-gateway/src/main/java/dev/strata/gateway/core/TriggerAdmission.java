package dev.strata.gateway.core;

import dev.strata.domain.run.api.CancelRun;
import dev.strata.domain.run.api.ReceiveTrigger;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.gateway.core.ConcurrencyPolicy.Cancellation;
import dev.strata.gateway.core.ConcurrencyPolicy.Decision;
import dev.strata.gateway.core.ConcurrencyPolicy.LaneRun;
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

  private final ConcurrencyPolicy policy;
  private final Lanes lanes;
  private final Commands commands;
  private final EventLog log;
  private final Executor blocking;
  private final Clock clock;
  private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

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
      ConcurrencyPolicy policy,
      Lanes lanes,
      Commands commands,
      EventLog log,
      Executor blocking,
      Clock clock) {
    this.policy = policy;
    this.lanes = lanes;
    this.commands = commands;
    this.log = log;
    this.blocking = blocking;
    this.clock = clock;
  }

  /** The concurrency group {@code trigger} belongs to. */
  public String groupOf(Trigger trigger) {
    return policy.group(trigger);
  }

  /** Admits {@code request}; completes with the run, or fails with the command's exception. */
  public CompletableFuture<Admission> admit(TriggerRequest request) {
    String group = policy.group(request.trigger());
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

  private CompletableFuture<Admission> decideAndSend(TriggerRequest request, String group) {
    RunId runId = RunIds.forDelivery(request.deliveryId());
    Trigger trigger = request.trigger();
    Decision decision = policy.admit(runId, trigger, group, lanes.state(group));
    ReceiveTrigger command =
        new ReceiveTrigger(
            runId,
            trigger,
            request.deliveryId(),
            group,
            request.pipelines(),
            decision.start(),
            clock.instant());
    return commands
        .send(command)
        .handle(
            (ok, err) -> {
              if (err == null) {
                lanes.admitted(group, new LaneRun(runId, trigger.kind()), decision.start());
                decision.cancel().forEach(c -> cancel(c, runId));
                return CompletableFuture.completedFuture(
                    new Admission(runId, group, decision.start(), false));
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

  private void cancel(Cancellation c, RunId by) {
    commands
        .send(new CancelRun(c.runId(), c.reason(), "run:" + by, clock.instant()))
        .whenComplete(
            (ok, err) -> {
              if (err != null) {
                LOG.info(
                    "Tried to cancel run {} for run {} but failed because: {}",
                    c.runId(),
                    by,
                    Commands.cause(err).getMessage());
              }
            });
  }
}
