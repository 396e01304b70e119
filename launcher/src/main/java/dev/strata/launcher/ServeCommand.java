package dev.strata.launcher;

import dev.strata.matrix.boot.MatrixRole;
import dev.strata.matrix.boot.MatrixSettings;
import dev.strata.merge.boot.MergeSettings;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StoreOptions;
import dev.strata.runtime.config.StrataConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata serve}: the embedded platform, every role in one JVM. */
@Command(
    name = "serve",
    description = {
      "Run the embedded platform: every role in one JVM on the configured event store",
      "(embedded H2 under the data directory by default). Stops cleanly on Ctrl-C or SIGTERM."
    })
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions options;

  @Option(
      names = "--merge-config",
      paramLabel = "FILE",
      description =
          "Registries the merge role publishes to (default: ./merge.yml when present; without it"
              + " the merge role does not run).")
  Path mergeConfig;

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description =
          "Build profile the matrix role plans with and whose schedules the gateway fires (e.g."
              + " profiles/localai.yml; default: the config's 'profile' key). The matrix role"
              + " runs when a profile and a repository"
              + " are given.")
  Path profile;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "Local clone or bare mirror the matrix role plans from (default: $STRATA_REPOSITORY);"
              + " fetched from its remote when a trigger names a commit it lacks.")
  Path repo;

  @Option(
      names = "--roles",
      split = ",",
      paramLabel = "ROLE",
      description =
          "Run only these roles in this process (comma-separated: gateway, matrix, merge), e.g."
              + " one role per process on a shared PostgreSQL event store (default: every role"
              + " that is configured).")
  List<String> requestedRoles;

  @Option(
      names = "--exit-after-start",
      hidden = true,
      description = "Start, print the banner and stop (smoke tests).")
  boolean exitAfterStart;

  @Override
  public Integer call() throws Exception {
    StrataConfig loaded = LocalTokens.fill(options.load());
    MergeSettings merge = MergeConfig.load(mergeConfig);
    Optional<Path> profileFile = profile != null ? Optional.of(profile) : loaded.profile();
    // the gateway fires the profile's schedules
    StrataConfig config = loaded.withProfile(profileFile);
    Optional<MatrixSettings> matrix = MatrixRole.settings(profileFile, repo, System.getenv());
    List<String> roles =
        Roles.select(
            requestedRoles,
            merge != null,
            matrix.isPresent(),
            MatrixRole.missing(profileFile, repo, System.getenv()));
    Roles.Running running = Roles.start(config, roles, merge, matrix.orElse(null));
    StrataRuntime runtime = running.runtime;
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              running.close();
              stopped.countDown();
            },
            "strata-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    out.println("strata " + VersionCommand.version() + " serving roles " + roles);
    out.println("  event store: " + runtime.database().displayUrl());
    out.println("  data dir:    " + config.dataDir());
    running.endpoints.forEach(e -> out.println("  " + e));
    if (roles.contains(Roles.MATRIX)) {
      out.println(
          "  matrix:      plans from "
              + matrix.get().repository()
              + " with "
              + matrix.get().profile());
    } else if (matrix.isEmpty()) {
      out.println(
          "  matrix:      not running ("
              + MatrixRole.missing(profileFile, repo, System.getenv())
              + ")");
    }
    if (!roles.contains(Roles.MERGE) && merge == null) {
      out.println("  merge:       not running (no merge.yml; see --merge-config)");
    }
    out.println("  tokens:      " + LocalTokens.file(config) + " (unless configured)");
    var health = runtime.health();
    out.println(
        "  events:      "
            + (health.eventStore().headIndex() + 1)
            + " stored; healthy="
            + health.healthy());
    out.flush();
    if (exitAfterStart) {
      Runtime.getRuntime().removeShutdownHook(hook);
      running.close();
      return 0;
    }
    stopped.await();
    return 0;
  }
}
