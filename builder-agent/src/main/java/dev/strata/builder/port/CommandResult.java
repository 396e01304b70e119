package dev.strata.builder.port;

import java.time.Duration;
import java.util.List;

/**
 * A finished external command.
 *
 * @param argv what ran
 * @param exitCode its exit code
 * @param duration how long it ran
 * @param tail its last output lines (at most {@link #TAIL_LINES})
 */
public record CommandResult(List<String> argv, int exitCode, Duration duration, List<String> tail) {
  /** How many output lines a result keeps. */
  public static final int TAIL_LINES = 200;

  public CommandResult {
    argv = List.copyOf(argv);
    tail = List.copyOf(tail);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** The output lines kept, joined, for error messages. */
  public String tailText(int lines) {
    return String.join("\n", tail.subList(Math.max(0, tail.size() - lines), tail.size()));
  }
}
