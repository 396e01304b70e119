package dev.strata.darwin.port;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an external command ended.
 *
 * @param invocation what was run
 * @param exitCode the exit code (128 + signal when it was killed)
 * @param duration wall-clock time from start to exit
 * @param tail the last lines it printed (stdout and stderr interleaved), at most {@link
 *     Processes#TAIL_LINES}
 */
public record ProcessResult(
    Invocation invocation, int exitCode, Duration duration, List<String> tail) {
  public ProcessResult {
    Objects.requireNonNull(invocation, "invocation");
    Objects.requireNonNull(duration, "duration");
    tail = List.copyOf(tail);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }
}
