package dev.strata.domain.leg.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A build agent registered: its id, its name and the runner classes it serves (see {@link
 * RegisterAgent}).
 */
@Revision("1")
public record AgentRegistered(
    AgentId agentId, String name, List<RunnerClass> runnerClasses, Instant at)
    implements AgentEvent {
  public AgentRegistered {
    runnerClasses = List.copyOf(runnerClasses);
  }
}
