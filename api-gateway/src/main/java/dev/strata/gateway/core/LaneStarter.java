package dev.strata.gateway.core;

import dev.strata.domain.run.api.RunState;
import dev.strata.domain.run.api.StartRun;
import dev.strata.domain.trigger.api.RunId;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the run that took the running place of its group when the previous one ended. Only acts
 * once the projection caught up with the event log, so replaying history at start-up sends nothing
 * for runs that were started long ago; {@code StartRun} is idempotent, so several gateway processes
 * may all send it.
 */
public final class LaneStarter {
  private static final Logger LOG = LoggerFactory.getLogger(LaneStarter.class);

  private final Lanes lanes;
  private final RunBoard board;
  private final Commands commands;
  private final Clock clock;
  private final BooleanSupplier caughtUp;
  private final Set<RunId> requested = ConcurrentHashMap.newKeySet();

  public LaneStarter(
      Lanes lanes, RunBoard board, Commands commands, Clock clock, BooleanSupplier caughtUp) {
    this.lanes = lanes;
    this.board = board;
    this.commands = commands;
    this.clock = clock;
    this.caughtUp = caughtUp;
  }

  /** Sends {@code StartRun} for every run holding a running place while still pending. */
  public void reconcile() {
    if (!caughtUp.getAsBoolean()) {
      return;
    }
    requested.removeIf(r -> board.state(r).filter(s -> s == RunState.PENDING).isEmpty());
    for (RunId runId : lanes.runningRuns()) {
      Optional<RunState> state = board.state(runId);
      if (state.isPresent() && state.get() == RunState.PENDING && requested.add(runId)) {
        commands
            .send(new StartRun(runId, clock.instant()))
            .whenComplete(
                (ok, err) -> {
                  if (err != null) {
                    requested.remove(runId);
                    LOG.warn(
                        "Tried to start run {} but failed because: {}",
                        runId,
                        Commands.cause(err).getMessage());
                  }
                });
      }
    }
  }
}
