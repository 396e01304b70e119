package dev.strata.audit.core.seed;

import java.time.Instant;
import java.util.List;

/**
 * The commands of one simulated run (or of a batch of evictions), in the order they are sent. The
 * writer sends them in one unit of work, i.e. one transaction and one batched append.
 *
 * @param name the run id, or a name for a batch that is not a run
 * @param startedAt when it begins (scripts are generated in this order)
 * @param commands the commands
 */
public record RunScript(String name, Instant startedAt, List<Object> commands) {
  public RunScript {
    commands = List.copyOf(commands);
  }
}
