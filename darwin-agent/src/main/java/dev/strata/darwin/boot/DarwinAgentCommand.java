package dev.strata.darwin.boot;

import dev.strata.darwin.adapter.archive.TarZstdArchiver;
import dev.strata.darwin.adapter.git.GitWorkspaces;
import dev.strata.darwin.adapter.oci.OciImagePublisher;
import dev.strata.darwin.adapter.oci.OciLayoutTarball;
import dev.strata.darwin.adapter.process.ProcessRunner;
import dev.strata.darwin.adapter.registry.HttpArtifactRegistry;
import dev.strata.darwin.core.CacheBudget;
import dev.strata.darwin.core.DarwinAgent;
import dev.strata.darwin.core.DarwinLegRunner;
import dev.strata.darwin.core.DarwinProfile;
import dev.strata.darwin.core.LruEviction;
import dev.strata.darwin.core.Machine;
import dev.strata.darwin.port.CacheStore;
import dev.strata.darwin.port.ControlPlane;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.runtime.config.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata darwin-agent}: the composition root of a Darwin build agent. Registers with the
 * gateway for a runner class, claims Darwin legs and builds them natively with the four caches in
 * the given store under the budget.
 */
@Command(
    name = "darwin-agent",
    mixinStandardHelpOptions = true,
    description = "Build Darwin legs natively on this Mac, with native caches and a cache budget.")
public final class DarwinAgentCommand implements Callable<Integer> {
  @Option(names = "--gateway", required = true, paramLabel = "URL", description = "Gateway URL.")
  URI gateway;

  @Option(
      names = "--token",
      required = true,
      paramLabel = "T",
      description = "Agent token (never printed).")
  String token;

  @Option(
      names = "--runner-class",
      defaultValue = "macos-latest",
      paramLabel = "CLASS",
      description = "Runner class to claim legs of (default: ${DEFAULT-VALUE}).")
  String runnerClass;

  @Option(
      names = "--cache-store",
      required = true,
      paramLabel = "URI",
      description = "dir:/PATH or oci://HOST/REPOSITORY.")
  String cacheStore;

  @Option(
      names = "--budget",
      defaultValue = "10GB",
      paramLabel = "SIZE",
      description = "Cache budget per repository (default: ${DEFAULT-VALUE}).")
  String budget;

  @Option(
      names = "--publish",
      paramLabel = "REPOSITORY",
      description = "Repository non-PR images are published to (repeatable, in tag order).")
  List<String> publish = new ArrayList<>();

  @Option(
      names = "--work-dir",
      defaultValue = "var/darwin",
      paramLabel = "DIR",
      description = "Checkouts, artifacts and scratch space (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(
      names = "--repo-url",
      defaultValue = "https://github.com/{repository}.git",
      paramLabel = "TEMPLATE",
      description = "Clone URL, {repository} is owner/name (default: ${DEFAULT-VALUE}).")
  String repoUrl;

  @Option(
      names = "--brew-prefix",
      defaultValue = "/opt/homebrew",
      paramLabel = "DIR",
      description = "Homebrew prefix (default: ${DEFAULT-VALUE}).")
  Path brewPrefix;

  @Option(
      names = "--profile",
      defaultValue = "profiles/localai.yml",
      paramLabel = "FILE",
      description =
          "Profile whose darwin section says how legs are built and cached"
              + " (default: ${DEFAULT-VALUE}).")
  Path profileFile;

  @Option(names = "--name", paramLabel = "NAME", description = "Agent name (default: host name).")
  String name;

  private final ControlPlaneFactory controlPlanes;

  public DarwinAgentCommand(ControlPlaneFactory controlPlanes) {
    this.controlPlanes = controlPlanes;
  }

  @Override
  public Integer call() throws Exception {
    DarwinProfile profile =
        DarwinProfileLoader.load(profileFile, publish.stream().map(ImageRef::parse).toList());
    long budgetBytes = LruEviction.parseSize(budget);
    RunnerClass runner = RunnerClass.of(runnerClass);
    HttpArtifactRegistry registry = HttpArtifactRegistry.anonymous();
    CacheStore store = CacheStores.open(cacheStore, registry);
    Machine machine = machine();
    ControlPlane controlPlane = controlPlanes.connect(gateway, token);
    Clock clock = Clock.systemUTC();
    ProcessRunner processes = new ProcessRunner();
    Path work = workDir.toAbsolutePath();
    DarwinLegRunner legs =
        new DarwinLegRunner(
            profile,
            machine,
            new DarwinLegRunner.Services(
                processes,
                store,
                TarZstdArchiver.defaults(),
                new CacheBudget(
                    store, budgetBytes, controlPlane, () -> UUID.randomUUID().toString()),
                new OciLayoutTarball(),
                new OciImagePublisher(registry),
                controlPlane,
                clock,
                System.out::println),
            work.resolve("artifacts"),
            work.resolve("scratch"));
    GitWorkspaces workspaces =
        new GitWorkspaces(
            processes,
            work.resolve("checkouts"),
            repoUrl,
            Map.of("PATH", machine.path(), "HOME", machine.home().toString()));
    String agentName = Optional.ofNullable(name).orElse(hostName());
    new DarwinAgent(
            controlPlane,
            workspaces,
            legs,
            agentName,
            runner,
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            clock)
        .run(() -> !Thread.currentThread().isInterrupted());
    return 0;
  }

  /**
   * This machine as the runner sees it: {@code HOME} (else {@code user.home}), the OS and
   * architecture names of {@code runner.os}/{@code runner.arch}, the {@code PATH}, and {@code
   * ImageOS} when set (setup-go's Go cache key carries it on Linux runners).
   */
  private Machine machine() throws ConfigException {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    boolean arm = arch.equals("aarch64") || arch.equals("arm64");
    String runnerOs = os.contains("mac") ? "macOS" : os.contains("linux") ? "Linux" : "Windows";
    Map<String, String> extra = new LinkedHashMap<>();
    String imageOs = System.getenv("ImageOS");
    if (imageOs != null && !imageOs.isBlank()) {
      extra.put("ImageOS", imageOs);
    } else if (!runnerOs.equals("macOS")) {
      throw new ConfigException(
          "Tried to start the Darwin agent on "
              + runnerOs
              + " but failed because: the Go cache key carries ImageOS off macOS (setup-go's"
              + " <ImageOS>- segment) and it is not set; run on a Mac, or set ImageOS, e.g."
              + " ImageOS=ubuntu24");
    }
    String home = System.getenv("HOME");
    return new Machine(
        Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home),
        brewPrefix,
        runnerOs,
        arm ? "ARM64" : "X64",
        arm ? "arm64" : "x64",
        Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin"),
        extra);
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "-");
    } catch (java.net.UnknownHostException e) {
      return "darwin-agent";
    }
  }
}
