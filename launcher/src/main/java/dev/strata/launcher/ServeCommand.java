package dev.strata.launcher;

import dev.strata.merge.boot.MergeSettings;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StrataConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
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
  @Mixin ConfigOptions options;

  @Option(
      names = "--merge-config",
      paramLabel = "FILE",
      description =
          "Registries the merge role publishes to (default: ./merge.yml when present; without it"
              + " the merge role does not run).")
  Path mergeConfig;

  @Option(
      names = "--exit-after-start",
      hidden = true,
      description = "Start, print the banner and stop (smoke tests).")
  boolean exitAfterStart;

  @Override
  public Integer call() throws Exception {
    StrataConfig config = LocalTokens.fill(options.load());
    MergeSettings merge = MergeConfig.load(mergeConfig);
    List<String> roles = Roles.embedded(merge != null);
    Roles.Running running = Roles.start(config, roles, merge);
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
    if (merge == null) {
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
