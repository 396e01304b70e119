package dev.strata.darwin.core;

import dev.strata.darwin.port.Invocation;
import dev.strata.domain.matrix.api.DarwinEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the commands of one Darwin leg as values (DOMAIN.md 8.1, 8.3, 8.4), without running
 * anything: the job environment, ccache configuration, the dependency step and the build routed to
 * a bespoke builder or to {@code make build-darwin-<lang>-backend}.
 */
public final class DarwinSteps {

  /**
   * One command of the leg.
   *
   * @param invocation what to run
   * @param mayFail whether a non-zero exit is ignored ({@code brew link}, {@code ccache -s})
   */
  public record Step(Invocation invocation, boolean mayFail) {}

  private final DarwinProfile profile;
  private final Machine machine;
  private final DarwinEntry entry;
  private final Path workspace;

  public DarwinSteps(DarwinProfile profile, Machine machine, DarwinEntry entry, Path workspace) {
    this.profile = profile;
    this.machine = machine;
    this.entry = entry;
    this.workspace = workspace;
  }

  /** Whether the leg's backend is built with the native ccache. */
  public boolean usesCcache() {
    return entry.backend().equals(profile.ccacheBackend());
  }

  /** Whether the backend has a bespoke builder. */
  public boolean bespoke() {
    return profile.bespokeBuilders().containsKey(entry.backend());
  }

  /**
   * The job environment: PATH and HOME, the three Homebrew switches and, for the ccache backend,
   * {@code CCACHE_DIR} and the compiler launchers appended to {@code CMAKE_ARGS}.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>(machine.extraEnv());
    env.put("PATH", machine.path());
    env.put("HOME", machine.home().toString());
    env.put("HOMEBREW_NO_AUTO_UPDATE", "1");
    env.put("HOMEBREW_NO_INSTALL_CLEANUP", "1");
    env.put("HOMEBREW_NO_ANALYTICS", "1");
    if (usesCcache()) {
      String existing = machine.extraEnv().getOrDefault("CMAKE_ARGS", "");
      env.put(
          "CMAKE_ARGS",
          existing + " -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache");
      env.put("CCACHE_DIR", profile.ccacheDir(machine).toString());
    }
    return env;
  }

  /** {@code go version}, whose answer the Go cache key carries. */
  public Step goVersion() {
    return step("go version", List.of("go", "version"), environment(), false);
  }

  /** {@code ccache -M <size>} then {@code ccache -z}; empty unless the backend uses ccache. */
  public List<Step> ccacheSetup() {
    if (!usesCcache()) {
      return List.of();
    }
    return List.of(
        step("ccache -M", List.of("ccache", "-M", profile.ccacheMaxSize()), environment(), false),
        step("ccache -z", List.of("ccache", "-z"), environment(), false));
  }

  /** {@code ccache -s} after the build (its failure does not fail the leg). */
  public List<Step> ccacheStats() {
    return usesCcache()
        ? List.of(step("ccache -s", List.of("ccache", "-s"), environment(), true))
        : List.of();
  }

  /**
   * {@code brew install <list>}, {@code brew reinstall} of each reinstall formula, then {@code brew
   * link --overwrite <list>} with its errors ignored (it recreates the {@code bin} links a
   * Cellar-only restore does not bring back).
   */
  public List<Step> dependencies() {
    List<Step> steps = new ArrayList<>();
    List<String> install = new ArrayList<>(List.of("brew", "install"));
    install.addAll(profile.brewInstall());
    steps.add(step("brew install", install, environment(), false));
    for (String formula : profile.brewReinstall()) {
      steps.add(
          step(
              "brew reinstall " + formula,
              List.of("brew", "reinstall", formula),
              environment(),
              false));
    }
    List<String> link = new ArrayList<>(List.of("brew", "link", "--overwrite"));
    link.addAll(profile.brewInstall());
    steps.add(step("brew link", link, environment(), true));
    return steps;
  }

  /**
   * The build: a bespoke builder's commands, or the generic prelude then {@code BACKEND=<b>
   * BUILD_TYPE=<bt> USE_PIP=<bool> make build-darwin-<lang>-backend}.
   */
  public List<Step> build() {
    List<Step> steps = new ArrayList<>();
    List<List<String>> bespoke = profile.bespokeBuilders().get(entry.backend());
    if (bespoke != null) {
      for (List<String> argv : bespoke) {
        steps.add(step(String.join(" ", argv), argv, environment(), false));
      }
      return steps;
    }
    for (List<String> argv : profile.genericPrelude()) {
      steps.add(step(String.join(" ", argv), argv, environment(), false));
    }
    Map<String, String> env = new LinkedHashMap<>(environment());
    env.put("BACKEND", entry.backend());
    env.put("BUILD_TYPE", entry.buildType());
    env.put("USE_PIP", Boolean.toString(usePip()));
    String target = profile.genericTarget().replace("{lang}", entry.langOrPython());
    steps.add(step("make " + target, List.of("make", target), env, false));
    return steps;
  }

  /** {@code use-pip} as the callers pass it: true for the profile's pip backends. */
  public boolean usePip() {
    return profile.usePipBackends().contains(entry.backend());
  }

  private Step step(String name, List<String> argv, Map<String, String> env, boolean mayFail) {
    return new Step(new Invocation(name, argv, env, workspace), mayFail);
  }
}
