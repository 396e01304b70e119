package dev.strata.builder.adapter.process;

import dev.strata.builder.port.CommandResult;
import dev.strata.builder.port.CommandRunner;
import dev.strata.domain.leg.model.BuildInvocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands as local processes with {@link ProcessBuilder}: stderr merged into stdout, output
 * read line by line on the calling thread, each run logged with argv, exit code and duration and
 * kept in {@link #history()} (bounded) for overhead measurements.
 */
public final class LocalCommandRunner implements CommandRunner {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCommandRunner.class);
  private static final int HISTORY = 1000;

  private final Deque<CommandResult> history = new ArrayDeque<>();

  @Override
  public CommandResult run(BuildInvocation invocation, Path workDir, Consumer<String> output)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(invocation.argv()).redirectErrorStream(true);
    pb.directory(workDir.toFile());
    pb.environment().putAll(invocation.env());
    long start = System.nanoTime();
    Process process = pb.start();
    Deque<String> tail = new ArrayDeque<>();
    Thread pump = new Thread(() -> pump(process, tail, output), "output-" + process.pid());
    pump.setDaemon(true);
    pump.start();
    try {
      int exit = process.waitFor();
      pump.join();
      List<String> kept;
      synchronized (tail) {
        kept = new ArrayList<>(tail);
      }
      CommandResult result =
          new CommandResult(
              invocation.argv(), exit, Duration.ofNanos(System.nanoTime() - start), kept);
      record(result);
      return result;
    } catch (InterruptedException e) {
      // the caller gave up (lease lost, shutdown): stop the whole process tree
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      pump.join(2000);
      throw e;
    }
  }

  private static void pump(Process process, Deque<String> tail, Consumer<String> output) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (tail) {
          if (tail.size() == CommandResult.TAIL_LINES) {
            tail.removeFirst();
          }
          tail.addLast(line);
        }
        try {
          output.accept(line);
        } catch (RuntimeException e) {
          LOG.warn("An output listener failed on a line; continuing: {}", e.toString());
        }
      }
    } catch (IOException e) {
      // the stream closes when the process is killed; nothing more to read
      LOG.debug("Output of pid {} ended: {}", process.pid(), e.toString());
    }
  }

  private void record(CommandResult result) {
    LOG.debug(
        "ran {} -> exit {} in {} ms",
        result.argv(),
        result.exitCode(),
        result.duration().toMillis());
    synchronized (history) {
      if (history.size() == HISTORY) {
        history.removeFirst();
      }
      history.addLast(result);
    }
  }

  /** The most recent commands run, oldest first. */
  public List<CommandResult> history() {
    synchronized (history) {
      return Collections.unmodifiableList(new ArrayList<>(history));
    }
  }
}
