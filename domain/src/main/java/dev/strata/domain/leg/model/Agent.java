package dev.strata.domain.leg.model;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.AgentRegistered;
import dev.strata.domain.leg.api.RegisterAgent;
import dev.strata.domain.leg.api.RunnerClass;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A registered build agent. Registering is the only decision: an agent serves at least one runner
 * class. Which legs it holds is recorded on the runs ({@code LegClaimed}), not here.
 */
public class Agent {

  @AggregateIdentifier private AgentId agentId;
  private List<RunnerClass> runnerClasses;

  /** For Axon. */
  protected Agent() {}

  @CommandHandler
  public Agent(RegisterAgent cmd) {
    if (cmd.runnerClasses().isEmpty()) {
      throw new IllegalArgumentException(
          "Tried to register agent "
              + cmd.agentId()
              + " but failed because: it serves no runner class; list at least one, e.g."
              + " [\"ubuntu-latest\"]");
    }
    if (cmd.name().isBlank()) {
      throw new IllegalArgumentException(
          "Tried to register agent "
              + cmd.agentId()
              + " but failed because: its name is blank; send the host or runner name");
    }
    apply(
        new AgentRegistered(cmd.agentId(), cmd.name(), List.copyOf(cmd.runnerClasses()), cmd.at()));
  }

  @EventSourcingHandler
  void on(AgentRegistered e) {
    agentId = e.agentId();
    runnerClasses = e.runnerClasses();
  }

  /** The runner classes the agent serves. */
  public List<RunnerClass> runnerClasses() {
    return runnerClasses;
  }
}
