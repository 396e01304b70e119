package dev.strata.darwin.adapter.process;

import dev.strata.darwin.port.Invocation;
import dev.strata.darwin.port.ProcessException;
import dev.strata.darwin.port.ProcessResult;
import dev.strata.darwin.port.Processes;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * The one place the agent starts external processes. The child gets exactly the invocation's
 * environment; its program is looked up on that environment's {@code PATH} (the JDK would search
 * the agent's own {@code PATH}, which would ignore a test's fake {@code brew}); stdout and stderr
 * are merged and streamed line by line; argv, exit code and duration are recorded.
 */
public final class ProcessRunner implements Processes {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);

  private final List<ProcessResult> history = Collections.synchronizedList(new ArrayList<>());

  @Override
  public ProcessResult run(Invocation invocation, Consumer<String> output) throws ProcessException {
    List<String> argv = new ArrayList<>(invocation.argv());
    argv.set(0, resolve(invocation).toString());
    ProcessBuilder builder =
        new ProcessBuilder(argv).directory(invocation.workDir().toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(invocation.env());
    LOG.info("[{}] {}", invocation.step(), invocation.commandLine());
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ProcessException(
          "Tried to run '"
              + invocation.commandLine()
              + "' in "
              + invocation.workDir()
              + " but failed because: "
              + e.getMessage(),
          e);
    }
    Deque<String> tail = new ArrayDeque<>();
    try {
      process.getOutputStream().close();
      readLines(process, output, tail);
      int exit = process.waitFor();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      ProcessResult result = new ProcessResult(invocation, exit, took, new ArrayList<>(tail));
      history.add(result);
      LOG.info("[{}] exit {} after {} ms", invocation.step(), exit, took.toMillis());
      return result;
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ProcessException(
          "Tried to run '" + invocation.commandLine() + "' but failed because: interrupted", e);
    } catch (IOException e) {
      process.destroyForcibly();
      throw new ProcessException(
          "Tried to read the output of '"
              + invocation.commandLine()
              + "' but failed because: "
              + e.getMessage(),
          e);
    }
  }

  private static void readLines(Process process, Consumer<String> output, Deque<String> tail)
      throws IOException {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        output.accept(line);
        if (tail.size() == TAIL_LINES) {
          tail.removeFirst();
        }
        tail.addLast(line);
      }
    }
  }

  @Override
  public List<ProcessResult> history() {
    synchronized (history) {
      return List.copyOf(history);
    }
  }

  /** The program's path: as given when it has a slash, else the first match on the env's PATH. */
  static Path resolve(Invocation invocation) throws ProcessException {
    String program = invocation.argv().get(0);
    if (program.contains("/")) {
      return invocation.workDir().resolve(program);
    }
    String path = invocation.env().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir).resolve(program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new ProcessException(
        "Tried to run '"
            + invocation.commandLine()
            + "' but failed because: '"
            + program
            + "' is not an executable file on PATH="
            + path
            + "; install it or put its directory on PATH");
  }
}
