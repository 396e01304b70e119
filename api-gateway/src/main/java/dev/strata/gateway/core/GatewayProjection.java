package dev.strata.gateway.core;

import dev.strata.domain.leg.api.AgentRegistered;
import dev.strata.domain.run.api.RunCancelled;
import dev.strata.domain.run.api.RunCompleted;
import dev.strata.domain.run.api.RunEvent;
import dev.strata.domain.run.api.RunStarted;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.model.ConcurrencyGroup;
import dev.strata.domain.trigger.model.ConcurrencyQueue.Run;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Feeds the gateway's in-memory read models from the event log: the run board, the concurrency
 * lanes and the agent registry. Its processor keeps its token in memory, so every gateway process
 * rebuilds these models from the first event when it starts.
 */
@ProcessingGroup(GatewayProjection.GROUP)
public final class GatewayProjection {
  /** The processing group (and tracking processor) name. */
  public static final String GROUP = "gateway-view";

  private final RunBoard board;
  private final Lanes lanes;
  private final AgentRegistry agents;
  private final Runnable laneChanged;

  public GatewayProjection(
      RunBoard board, Lanes lanes, AgentRegistry agents, Runnable laneChanged) {
    this.board = board;
    this.lanes = lanes;
    this.agents = agents;
    this.laneChanged = laneChanged;
  }

  @EventHandler
  public void on(RunEvent event, @SequenceNumber Long sequence) {
    board.apply(event, sequence == null ? -1 : sequence);
    if (event instanceof TriggerReceived r) {
      lanes.admitted(
          new ConcurrencyGroup(r.concurrencyGroup()),
          new Run(r.runId(), r.trigger().kind()),
          r.started());
    } else if (event instanceof RunStarted s) {
      lanes.started(s.runId());
    } else if (event instanceof RunCancelled || event instanceof RunCompleted) {
      lanes.ended(event.runId());
      laneChanged.run();
    }
  }

  @EventHandler
  public void on(AgentRegistered event) {
    agents.registered(event);
  }

  @ResetHandler
  public void reset() {
    board.clear();
    lanes.clear();
    agents.clear();
  }
}
