package dev.strata.darwin.core;

import dev.strata.darwin.port.ClaimedLeg;
import dev.strata.darwin.port.ControlPlane;
import dev.strata.darwin.port.ControlPlaneException;
import dev.strata.darwin.port.ProcessException;
import dev.strata.darwin.port.Workspaces;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.run.api.RecordLegFailure;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent loop: register for a runner class, long-poll for Darwin legs, check each out, run it
 * ({@link DarwinLegRunner}) while a heartbeat keeps its lease, and go back to polling.
 */
public final class DarwinAgent {
  private static final Logger LOG = LoggerFactory.getLogger(DarwinAgent.class);

  private final ControlPlane controlPlane;
  private final Workspaces workspaces;
  private final DarwinLegRunner runner;
  private final String name;
  private final RunnerClass runnerClass;
  private final Duration claimWait;
  private final Duration heartbeat;
  private final Clock clock;

  public DarwinAgent(
      ControlPlane controlPlane,
      Workspaces workspaces,
      DarwinLegRunner runner,
      String name,
      RunnerClass runnerClass,
      Duration claimWait,
      Duration heartbeat,
      Clock clock) {
    this.controlPlane = controlPlane;
    this.workspaces = workspaces;
    this.runner = runner;
    this.name = name;
    this.runnerClass = runnerClass;
    this.claimWait = claimWait;
    this.heartbeat = heartbeat;
    this.clock = clock;
  }

  /**
   * Registers, then claims and runs legs while {@code keepGoing} says so. A failed claim is retried
   * after {@code claimWait}; a leg whose reports fail is logged and left to its lease.
   *
   * @return how many legs were run
   */
  public int run(BooleanSupplier keepGoing) throws ControlPlaneException {
    AgentId agent = controlPlane.register(name, List.of(runnerClass));
    LOG.info("Registered as {} for {}", agent, runnerClass);
    int legs = 0;
    while (keepGoing.getAsBoolean()) {
      Optional<ClaimedLeg> claimed;
      try {
        claimed = controlPlane.claim(agent, claimWait);
      } catch (ControlPlaneException e) {
        // the gateway may be restarting: keep polling rather than end the agent
        LOG.warn("Claim failed, polling again in {}: {}", claimWait, e.getMessage());
        if (!pause()) {
          break;
        }
        continue;
      }
      if (claimed.isEmpty()) {
        continue;
      }
      try {
        runLeg(agent, claimed.get());
      } catch (ControlPlaneException e) {
        // the gateway refused or missed a report of this leg; its lease runs out and the leg is
        // claimed again, so the agent goes on with the next one
        LOG.error(
            "Leg {} of run {}: {}", claimed.get().legId(), claimed.get().runId(), e.getMessage());
      }
      legs++;
    }
    return legs;
  }

  private boolean pause() {
    try {
      Thread.sleep(claimWait.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void runLeg(AgentId agent, ClaimedLeg leg) throws ControlPlaneException {
    LOG.info("Building {} of run {}", leg.legId(), leg.runId());
    ScheduledExecutorService beat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "darwin-heartbeat");
              t.setDaemon(true);
              return t;
            });
    beat.scheduleAtFixedRate(
        () -> {
          try {
            controlPlane.heartbeat(agent);
          } catch (ControlPlaneException | RuntimeException e) {
            // the leg ended while a heartbeat was in flight: nothing was lost
            if (!Thread.currentThread().isInterrupted()) {
              LOG.warn("Heartbeat failed: {}", e.getMessage());
            }
          }
        },
        heartbeat.toMillis(),
        heartbeat.toMillis(),
        TimeUnit.MILLISECONDS);
    try {
      Path workspace;
      try {
        workspace = workspaces.checkout(leg);
      } catch (ProcessException e) {
        controlPlane.failed(
            new RecordLegFailure(
                leg.runId(),
                leg.legId(),
                agent,
                "checkout",
                e.getMessage(),
                List.of(),
                clock.instant()));
        return;
      }
      runner.run(agent, leg, workspace);
    } finally {
      beat.shutdownNow();
    }
  }
}
