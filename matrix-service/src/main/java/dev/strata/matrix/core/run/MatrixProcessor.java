package dev.strata.matrix.core.run;

import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.run.api.RecordPlanningFailure;
import dev.strata.domain.run.api.RunRefusedException;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.matrix.core.pipeline.FixedPlan;
import dev.strata.matrix.core.plan.PlanResult;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matrix-service role: plans each run's pipelines when its trigger arrives and records {@code
 * MatrixFiltered}, or {@code MatrixPlanningFailed} with the reason (never a silent empty matrix).
 *
 * <p>Redelivery is harmless: the run treats the identical plan (or a second failure) as a no-op,
 * and a command the run refuses (a cancelled run) is logged and skipped, never retried forever.
 * Commands are sent from a thread of their own, so each commits in its own transaction: a refusal
 * rolls back only that command, not the processor's batch.
 */
@ProcessingGroup(MatrixProcessor.PROCESSING_GROUP)
public class MatrixProcessor {
  /** The processing group (and tracking processor) name. */
  public static final String PROCESSING_GROUP = "matrix";

  /** The backend matrix pipeline; every other pipeline a run names is a fixed one. */
  public static final String BACKEND = "backend";

  private static final Logger LOG = LoggerFactory.getLogger(MatrixProcessor.class);

  private final TriggerPlanner planner;
  private final CommandGateway commands;
  private final Clock clock;
  private final ExecutorService sender;

  /**
   * @param sender the thread commands are sent from (outside the processor's transaction)
   */
  public MatrixProcessor(
      TriggerPlanner planner, CommandGateway commands, Clock clock, ExecutorService sender) {
    this.planner = planner;
    this.commands = commands;
    this.clock = clock;
    this.sender = sender;
  }

  @EventHandler
  public void on(TriggerReceived event) {
    for (String pipeline : event.pipelines()) {
      if (BACKEND.equals(pipeline)) {
        planBackend(event);
      } else {
        planFixed(event, pipeline);
      }
    }
  }

  /** A fixed pipeline (root image, builder bases): every leg or none, as its gate decides. */
  private void planFixed(TriggerReceived event, String pipeline) {
    RunId run = event.runId();
    FixedPlan plan;
    try {
      plan = planner.planPipeline(pipeline, event.trigger());
    } catch (TriggerPlanner.PlanningException e) {
      fail(run, pipeline, e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.error("Planning pipeline {} of run {} threw", pipeline, run, e);
      fail(run, pipeline, failure(run, pipeline, e.toString()));
      return;
    }
    RecordMatrix record = RunPlans.record(run, plan, clock.instant());
    String refused = send(record);
    if (refused != null) {
      fail(run, pipeline, failure(run, pipeline, refused));
    } else {
      LOG.info(
          "Planned pipeline {} of run {}: build={} ({}), {} legs",
          pipeline,
          run,
          plan.decision().build(),
          plan.decision().reason(),
          record.legs().size());
    }
  }

  private void planBackend(TriggerReceived event) {
    RunId run = event.runId();
    PlanResult result;
    try {
      result = planner.plan(event.trigger());
    } catch (TriggerPlanner.PlanningException e) {
      fail(run, BACKEND, e.getMessage());
      return;
    } catch (RuntimeException e) {
      LOG.error("Planning run {} threw", run, e);
      fail(run, BACKEND, failure(run, e.toString()));
      return;
    }
    if (result.exitCode() != 0) {
      fail(run, BACKEND, failure(run, result.error()));
      return;
    }
    RecordMatrix record;
    try {
      record = RunPlans.record(run, BACKEND, result, clock.instant());
    } catch (IllegalArgumentException e) {
      // an entry the run model cannot carry (e.g. an invalid tag-suffix)
      fail(run, BACKEND, failure(run, e.getMessage()));
      return;
    }
    String refused = send(record);
    if (refused != null) {
      // a redelivered identical plan is a no-op, so a refusal is a real contradiction: record it
      // (a no-op when the pipeline was planned before; refused again when the run was cancelled)
      fail(run, BACKEND, failure(run, refused));
    } else {
      LOG.info(
          "Planned run {}: {} legs, {} merge groups, run-all={}",
          run,
          record.legs().size(),
          record.mergeGroups().size(),
          record.runAll());
    }
  }

  private static String failure(RunId run, String why) {
    return failure(run, BACKEND, why);
  }

  private static String failure(RunId run, String pipeline, String why) {
    return why != null && why.startsWith("Tried to ")
        ? why
        : "Tried to plan pipeline " + pipeline + " of run " + run + " but failed because: " + why;
  }

  private void fail(RunId run, String pipeline, String reason) {
    LOG.warn("Planning of {} failed: {}", run, reason);
    String refused = send(new RecordPlanningFailure(run, pipeline, reason, clock.instant()));
    if (refused != null) {
      LOG.warn("Run {} refused the planning failure, skipping: {}", run, refused);
    }
  }

  /** Sends {@code command}; returns the run's refusal message, or null when it was accepted. */
  private String send(Object command) {
    try {
      sender.submit(() -> commands.sendAndWait(command)).get();
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Tried to send " + command.getClass().getSimpleName() + " but was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CommandExecutionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      if (cause instanceof RunRefusedException refused) {
        return refused.getMessage();
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(cause);
    }
  }
}
