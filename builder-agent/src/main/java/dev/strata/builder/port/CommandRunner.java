package dev.strata.builder.port;

import dev.strata.domain.leg.model.BuildInvocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs external commands. Every command the agent runs (docker, buildx) goes through one runner, so
 * each is recorded with its argv, exit code and duration, and its output is streamed line by line
 * as it arrives (the build's progress).
 */
public interface CommandRunner {

  /**
   * Runs {@code invocation} in {@code workDir} and waits for it.
   *
   * @param output receives every output line (stdout and stderr, interleaved) as it arrives
   * @return the finished command; a non-zero exit code is not an exception
   * @throws IOException when the program cannot be started
   * @throws InterruptedException when the caller is interrupted (the process is killed)
   */
  CommandResult run(BuildInvocation invocation, Path workDir, Consumer<String> output)
      throws IOException, InterruptedException;
}
