package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A leg's build failed: the failing step, the reason and the last log lines. */
@Revision("1")
public record LegFailed(
    RunId runId,
    LegId legId,
    AgentId agentId,
    String failedStep,
    String reason,
    List<String> lastLogLines,
    Instant at)
    implements RunEvent {
  public LegFailed {
    lastLogLines = List.copyOf(lastLogLines);
  }
}
