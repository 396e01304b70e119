package dev.strata.it.processes;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code strata} JVM started from the test class path ({@code java -cp <cp>
 * dev.strata.launcher.Strata <args>}), its output appended to a log file. It can be killed with
 * SIGKILL, frozen with SIGSTOP and thawed with SIGCONT, and started again with the same arguments
 * (the log then continues after a marker line).
 */
final class StrataProcess implements AutoCloseable {
  private static final List<String> JVM_OPTIONS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

  private final String name;
  private final List<String> args;
  private final Map<String, String> env;
  private final Path workDir;
  private final Path log;
  private Process process;
  private long logOffset;

  StrataProcess(String name, List<String> args, Map<String, String> env, Path workDir, Path log) {
    this.name = name;
    this.args = List.copyOf(args);
    this.env = Map.copyOf(env);
    this.workDir = workDir;
    this.log = log;
  }

  /**
   * The class path this test runs with: every module and its dependencies. The launcher's shaded
   * jar (which bundles a copy of every module, and on an incremental build may bundle stale ones)
   * is replaced by the launcher's own classes.
   */
  static String classPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      Path classes = p.resolveSibling("classes");
      boolean shadedLauncher =
          p.getFileName() != null
              && p.getFileName().toString().equals("strata.jar")
              && Files.isDirectory(classes.resolve("dev/strata/launcher"));
      entries.add(shadedLauncher ? classes.toString() : entry);
    }
    return String.join(File.pathSeparator, entries);
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  /** Starts the JVM (again, after a kill); later {@link #awaitLog} calls look at the new output. */
  synchronized StrataProcess start() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is running already (pid " + process.pid() + ")");
    }
    try {
      Files.createDirectories(workDir);
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "---- " + Instant.now() + " starting " + name + " " + args + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      logOffset = Files.size(log);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_OPTIONS);
      command.add("-Dlogback.configurationFile=logback.xml");
      command.add("-cp");
      command.add(classPath());
      command.add("dev.strata.launcher.Strata");
      command.addAll(args);
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().keySet().removeIf(k -> k.startsWith("STRATA_"));
      pb.environment().putAll(env);
      process = pb.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("Tried to start " + name + " but failed because: " + e, e);
    }
  }

  synchronized long pid() {
    return process.pid();
  }

  synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL, and waits until the process is gone. */
  void kill9() throws InterruptedException {
    Process p;
    synchronized (this) {
      p = process;
    }
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
      p.waitFor();
    }
  }

  /** SIGSTOP: the process stays alive but runs nothing (its connections stay open). */
  void freeze() throws IOException, InterruptedException {
    signal("STOP");
  }

  /** SIGCONT after {@link #freeze()}. */
  void thaw() throws IOException, InterruptedException {
    signal("CONT");
  }

  private void signal(String sig) throws IOException, InterruptedException {
    int rc = new ProcessBuilder("kill", "-" + sig, Long.toString(pid())).start().waitFor();
    if (rc != 0) {
      throw new IllegalStateException("kill -" + sig + " " + pid() + " exited with " + rc);
    }
  }

  /** The output since the last start. */
  String output() {
    try {
      byte[] all = Files.readAllBytes(log);
      int from = (int) Math.min(logOffset, all.length);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /**
   * Waits until the output since the last start has a line matching {@code pattern}; returns the
   * match (group 1 when the pattern has a group).
   */
  String awaitLog(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Matcher m = pattern.matcher(output());
      if (m.find()) {
        return m.groupCount() > 0 ? m.group(1) : m.group();
      }
      if (!isAlive()) {
        throw new AssertionError(name + " exited before printing /" + pattern + "/; see " + log);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            name + " did not print /" + pattern + "/ within " + timeout + "; see " + log);
      }
      Thread.sleep(100);
    }
  }

  /** Whether the output since the last start has a line {@code test} accepts. */
  boolean printed(Predicate<String> test) {
    return output().lines().anyMatch(test);
  }

  @Override
  public void close() {
    try {
      kill9();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
