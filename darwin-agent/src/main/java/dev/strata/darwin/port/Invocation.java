package dev.strata.darwin.port;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An external command as a value: what it is for, its argument vector, its complete environment
 * (nothing is inherited from the agent's own) and its working directory. Rendered by pure functions
 * in {@code core} and executed by {@link Processes}.
 *
 * @param step a short name for logs and step statistics, e.g. {@code brew install}
 * @param argv the program and its arguments; the program is looked up on the {@code PATH} of {@code
 *     env}
 * @param env the whole environment of the child process
 * @param workDir the working directory
 */
public record Invocation(String step, List<String> argv, Map<String, String> env, Path workDir) {
  public Invocation {
    Objects.requireNonNull(step, "step");
    argv = List.copyOf(Objects.requireNonNull(argv, "argv"));
    if (argv.isEmpty() || argv.get(0).isBlank()) {
      throw new IllegalArgumentException(
          "Invalid command for step '" + step + "': expected a program name, got " + argv);
    }
    env = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(env, "env")));
    Objects.requireNonNull(workDir, "workDir");
  }

  /**
   * The command line as one string, for logs (the environment is left out: it may hold secrets).
   */
  public String commandLine() {
    return String.join(" ", argv);
  }

  @Override
  public String toString() {
    return step + ": " + commandLine();
  }
}
