package dev.strata.gateway.boot;

import dev.strata.domain.trigger.model.ConcurrencyQueue;
import dev.strata.gateway.core.AgentRegistry;
import dev.strata.gateway.core.Lanes;
import dev.strata.gateway.core.RunBoard;

/**
 * The gateway's in-memory read models, shared between its projection (registered before the Axon
 * configuration is built) and the HTTP role (started after). Registered as an Axon component.
 */
public final class GatewayState {
  final RunBoard board = new RunBoard();
  final Lanes lanes = new Lanes(ConcurrencyQueue.strata());
  final AgentRegistry agents = new AgentRegistry();
  volatile Runnable laneChanged = () -> {};

  public RunBoard board() {
    return board;
  }
}
