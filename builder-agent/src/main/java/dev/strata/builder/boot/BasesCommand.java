package dev.strata.builder.boot;

import dev.strata.builder.port.BuildException;
import dev.strata.builder.port.BuildListener;
import dev.strata.builder.port.BuildOutcome;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.model.BasePlan;
import dev.strata.domain.leg.model.BaseVariant;
import dev.strata.runtime.config.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata bases}: the prebuilt builder bases (DOMAIN.md 6.1, 6.4). They must exist in the
 * registry before any leg that names one as {@code builder-base-image} builds.
 */
@Command(
    name = "bases",
    mixinStandardHelpOptions = true,
    description = "Prebuilt builder bases (build them before the legs that use them).",
    subcommands = {BasesCommand.Build.class})
public final class BasesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code strata bases build --profile P [--only TAG]...}. */
  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description =
          "Build the profile's builder bases and push them as normal tags of the cache repository,"
              + " each with its own registry cache.")
  public static final class Build implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--profile", required = true, description = "The profile file.")
    Path profile;

    @Option(
        names = "--only",
        paramLabel = "TAG",
        description = "Build only these bases (repeatable).")
    List<String> only = List.of();

    @Option(
        names = "--runner-class",
        paramLabel = "C",
        description = "Build only the bases of these runner classes (repeatable).")
    List<String> runnerClasses = List.of();

    @Option(
        names = "--repo",
        defaultValue = ".",
        description = "The checkout to build from (default: .).")
    Path repo;

    @Option(names = "--driver", defaultValue = "auto", description = "auto, buildx or engine.")
    String driver;

    @Option(
        names = "--docker",
        defaultValue = "/usr/bin/docker",
        description = "The docker client.")
    String docker;

    @Option(
        names = "--workdir",
        description = "Where transient files go (default: a temporary directory).")
    Path workdir;

    @Override
    public Integer call() throws Exception {
      BuilderProfile p = BuilderProfileLoader.load(profile);
      List<BaseVariant> selected = select(p);
      Path tmp =
          workdir != null
              ? Files.createDirectories(workdir)
              : Files.createTempDirectory("strata-bases-");
      BuilderWiring wiring = new BuilderWiring(BuilderWiring.Driver.parse(driver), docker, tmp);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      int failed = 0;
      for (BaseVariant v : selected) {
        BasePlan plan = BasePlan.of(p.baseNames(), v, p.baseDockerfile(), p.baseContext());
        long start = System.nanoTime();
        try {
          BuildOutcome o =
              wiring.driver().buildBase(plan, repo.toAbsolutePath(), prefixed(out, v.tag()));
          out.printf(
              "built %s%s (%d steps cached, %d executed) in %.1f s%n",
              plan.image(),
              o.digest().map(d -> "@" + d).orElse(""),
              o.steps().cachedCount(),
              o.steps().executedCount(),
              (System.nanoTime() - start) / 1e9);
        } catch (BuildException e) {
          failed++;
          err.printf(
              "strata bases build: %s failed at %s: %s%n",
              plan.image(), e.failedStep(), e.reason());
          e.lastLogLines().forEach(l -> err.println("  " + l));
        }
        out.flush();
        err.flush();
      }
      return failed == 0 ? 0 : 1;
    }

    private List<BaseVariant> select(BuilderProfile p) throws ConfigException {
      if (p.bases().isEmpty()) {
        throw new ConfigException(
            profile
                + ": builder.bases.variants: the profile declares no builder bases; add e.g."
                + " \"variants: [{tag: base-grpc-amd64, runsOn: ubuntu-latest, baseImage: ...}]\"");
      }
      for (String tag : only) {
        if (p.base(tag).isEmpty()) {
          throw new ConfigException(
              "--only "
                  + tag
                  + ": the profile has no base with that tag; known: "
                  + p.bases().stream().map(BaseVariant::tag).toList());
        }
      }
      return p.bases().stream()
          .filter(b -> only.isEmpty() || only.contains(b.tag()))
          .filter(
              b ->
                  runnerClasses.isEmpty()
                      || runnerClasses.stream().map(RunnerClass::of).anyMatch(b.runsOn()::equals))
          .toList();
    }

    private static BuildListener prefixed(PrintWriter out, String tag) {
      return line -> {
        out.println("[" + tag + "] " + line);
      };
    }
  }
}
