package dev.strata.darwin.port;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs external commands (brew, go, make, ccache, git). Every command the agent runs goes through
 * this port, so that each one is recorded with its argument vector, exit code and duration.
 */
public interface Processes {
  /** How many of the last output lines a {@link ProcessResult} keeps. */
  int TAIL_LINES = 40;

  /**
   * Runs {@code invocation} to completion, handing each output line to {@code output} as it
   * arrives. A non-zero exit is a result, not an exception.
   *
   * @throws ProcessException when the program cannot be found or started, or the wait is
   *     interrupted (the process is then killed)
   */
  ProcessResult run(Invocation invocation, Consumer<String> output) throws ProcessException;

  /** Every command run so far by this instance, in order. */
  List<ProcessResult> history();
}
