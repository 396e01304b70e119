package dev.strata.audit.boot;

import dev.strata.audit.core.ReplayProgress;
import dev.strata.audit.core.report.JsonReport;
import dev.strata.audit.core.whatif.WhatIfAnalysis;
import dev.strata.audit.core.whatif.WhatIfReport;
import dev.strata.audit.core.whatif.WhatIfText;
import dev.strata.audit.port.EventLogException;
import dev.strata.audit.port.Replanner;
import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StoreOptions;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code strata audit what-if --profile P2 --repo DIR}: plans every recorded trigger again with
 * another profile and reports how many legs would have been built instead, per run and per rule.
 */
@Command(
    name = "what-if",
    mixinStandardHelpOptions = true,
    description = {
      "Plan every recorded trigger again with another profile and compare with what was planned:",
      "legs built, run-all plans, and how often each shared-input rule fired (and the legs of the",
      "runs it fired in). Reads the repository the triggers were planned from; progress on stderr."
    })
public final class WhatIfCommand implements Callable<Integer> {

  /** Opens the matrix engine for a profile and a repository (the launcher supplies it). */
  @FunctionalInterface
  public interface Planners {
    /** A replanner planning with {@code profile} against {@code repository}. */
    Replanner open(Path profile, Path repository) throws Exception;
  }

  private final Planners planners;

  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(
      names = "--profile",
      required = true,
      paramLabel = "FILE",
      description = "The profile to plan with instead (e.g. a copy of profiles/localai.yml).")
  Path profile;

  @Option(
      names = "--repo",
      paramLabel = "DIR",
      description =
          "The repository the triggers were planned from (default: $STRATA_REPOSITORY, as the"
              + " matrix role uses).")
  Path repo;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      converter = Dates.From.class,
      description = "Only triggers received from this date (UTC) or instant on.")
  Instant from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      converter = Dates.To.class,
      description = "Only triggers received up to this date (whole day included) or instant.")
  Instant to;

  @Option(names = "--run", paramLabel = "ID", description = "Only this run.")
  String run;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  AuditCommand.Format format;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  public WhatIfCommand(Planners planners) {
    this.planners = Objects.requireNonNull(planners, "planners");
  }

  @Override
  public Integer call() throws Exception {
    if (format == AuditCommand.Format.html) {
      throw new ParameterException(spec.commandLine(), "what-if writes text or json, not html");
    }
    if (!Files.isRegularFile(profile)) {
      throw new ParameterException(
          spec.commandLine(), "--profile " + profile + ": no such file; give a profile YAML file");
    }
    Path repository = repo != null ? repo : fromEnvironment();
    AuditQuery query;
    try {
      query = new AuditQuery(from, to, run == null ? null : RunId.of(run));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    ReplayProgress progress =
        quiet
            ? ReplayProgress.SILENT
            : (runs, nanos, last) -> {
              err.println(
                  String.format(
                      Locale.ROOT,
                      "what-if: %s%d runs planned in %.1f s",
                      last ? "done, " : "",
                      runs,
                      nanos / 1e9));
              err.flush();
            };
    Replanner replanner = planners.open(profile, repository);
    WhatIfReport report;
    try (StrataRuntime runtime = AuditStores.open(store.load())) {
      report =
          new WhatIfAnalysis(
                  AuditWiring.eventLog(runtime, AuditWiring.Reader.JDBC), replanner, progress)
              .analyse(query);
    } catch (EventLogException e) {
      err.println("strata audit what-if: " + e.getMessage());
      err.flush();
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        format == AuditCommand.Format.json
            ? JsonReport.write(report) + "\n"
            : WhatIfText.write(report, profile.toString()));
    out.flush();
    return 0;
  }

  private Path fromEnvironment() {
    String env = System.getenv("STRATA_REPOSITORY");
    if (env == null || env.isBlank()) {
      throw new ParameterException(
          spec.commandLine(),
          "what-if needs the repository the triggers were planned from: give --repo DIR or set"
              + " STRATA_REPOSITORY");
    }
    return Path.of(env);
  }
}
