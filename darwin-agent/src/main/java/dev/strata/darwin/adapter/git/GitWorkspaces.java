package dev.strata.darwin.adapter.git;

import dev.strata.darwin.port.ClaimedLeg;
import dev.strata.darwin.port.Invocation;
import dev.strata.darwin.port.ProcessException;
import dev.strata.darwin.port.ProcessResult;
import dev.strata.darwin.port.Processes;
import dev.strata.darwin.port.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Working trees made with the {@code git} command (through the process runner, like every other
 * command): one per repository under the root, fetched at the leg's commit with depth 1 and checked
 * out detached, then cleaned of untracked files.
 */
public final class GitWorkspaces implements Workspaces {
  private final Processes processes;
  private final Path root;
  private final String urlTemplate;
  private final Map<String, String> env;

  /**
   * @param urlTemplate the clone URL with {@code {repository}} for {@code owner/name}, e.g. {@code
   *     https://github.com/{repository}.git}
   * @param env the environment git runs with (PATH, HOME)
   */
  public GitWorkspaces(
      Processes processes, Path root, String urlTemplate, Map<String, String> env) {
    this.processes = processes;
    this.root = root;
    this.urlTemplate = urlTemplate;
    this.env = Map.copyOf(env);
  }

  @Override
  public Path checkout(ClaimedLeg leg) throws ProcessException {
    var trigger = leg.trigger();
    if (trigger.sha() == null) {
      throw new ProcessException(
          "Tried to check out run " + leg.runId() + " but failed because: its commit is unknown");
    }
    Path dir = root.resolve(trigger.repository().owner() + "_" + trigger.repository().name());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ProcessException("Tried to create " + dir + " but failed because: " + e, e);
    }
    String url = urlTemplate.replace("{repository}", trigger.repository().fullName());
    String sha = trigger.sha().value();
    if (!Files.isDirectory(dir.resolve(".git"))) {
      git(dir, "git init", "init", "-q");
    }
    git(dir, "git fetch", "fetch", "-q", "--depth", "1", url, sha);
    git(dir, "git checkout", "checkout", "-q", "--force", "--detach", "FETCH_HEAD");
    git(dir, "git clean", "clean", "-q", "-ffdx");
    return dir;
  }

  private void git(Path dir, String step, String... args) throws ProcessException {
    List<String> argv = new java.util.ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    ProcessResult r = processes.run(new Invocation(step, argv, env, dir), line -> {});
    if (!r.succeeded()) {
      throw new ProcessException(
          "Tried to run '"
              + r.invocation().commandLine()
              + "' in "
              + dir
              + " but failed because: exit "
              + r.exitCode()
              + ": "
              + String.join(" | ", r.tail()));
    }
  }
}
