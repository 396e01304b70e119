package dev.strata.it.compose;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The repository's docker-compose stack driven through its scripts ({@code scripts/compose-up},
 * {@code scripts/compose-down}), with the output of every command kept in a log file.
 */
final class ComposeStack {
  static final String PROJECT = "strata";
  static final String GATEWAY = "http://127.0.0.1:18080";
  static final String REGISTRY = "http://127.0.0.1:15000";

  private final Path root;
  private final Path log;
  private final Map<String, String> env;

  ComposeStack(Path root, Path log, Map<String, String> env) {
    this.root = root;
    this.log = log;
    this.env = Map.copyOf(env);
  }

  /** The checkout's root: the nearest directory above the working directory with the file. */
  static Path findRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "Tried to find the repository root but failed because: no docker-compose.yml above "
              + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  Path root() {
    return root;
  }

  /**
   * The ids of this project's containers, running or not (empty when the stack is down). Asks the
   * engine by docker-compose's project label: {@code docker-compose ps} would need the stack's
   * env_file, which exists only after a first compose-up.
   */
  List<String> containers() throws IOException, InterruptedException {
    String out =
        run(
            Duration.ofSeconds(60),
            "/usr/bin/docker",
            "ps",
            "-aq",
            "--filter",
            "label=com.docker.compose.project=" + PROJECT);
    return out.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
  }

  void up() throws IOException, InterruptedException {
    run(Duration.ofMinutes(15), root.resolve("scripts/compose-up").toString());
  }

  void downWithVolumes() throws IOException, InterruptedException {
    run(Duration.ofMinutes(2), root.resolve("scripts/compose-down").toString(), "--volumes");
  }

  /** The tokens compose-up generated (var/compose/tokens.env). */
  Properties tokens() throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(root.resolve("var/compose/tokens.env"))) {
      p.load(r);
    }
    return p;
  }

  /** Runs a command in the root with the stack's environment; its output goes to the log. */
  String run(Duration timeout, String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(log.getParent(), "cmd-", ".out");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    boolean finished = p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly().waitFor();
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    Files.delete(out);
    Files.writeString(
        log,
        "$ " + String.join(" ", command) + "\n" + text + "\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    if (!finished || p.exitValue() != 0) {
      throw new IllegalStateException(
          "Tried to run '"
              + String.join(" ", command)
              + "' but failed because: "
              + (finished ? "it exited with " + p.exitValue() : "it ran longer than " + timeout)
              + "; last lines:\n"
              + tail(text, 30));
    }
    return text;
  }

  private static String tail(String text, int lines) {
    List<String> all = new ArrayList<>(text.lines().toList());
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }
}
