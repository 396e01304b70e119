package dev.strata.domain.leg.api;

import dev.strata.domain.Values;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Register a build agent under a new id. The gateway picks the id; the agent then claims legs of
 * the runner classes it serves.
 *
 * @param agentId the new agent's id
 * @param name the name the agent gave itself (host name, runner name)
 * @param runnerClasses the runner classes it builds for, e.g. {@code ubuntu-latest}
 * @param at when it registered
 */
public record RegisterAgent(
    @TargetAggregateIdentifier AgentId agentId,
    String name,
    List<RunnerClass> runnerClasses,
    Instant at)
    implements AgentCommand {
  public RegisterAgent {
    Values.required(agentId, "agent id");
    Values.required(name, "agent name");
    runnerClasses = List.copyOf(Values.required(runnerClasses, "runner classes"));
    Values.required(at, "registration time");
  }
}
