package dev.strata.audit.boot;

import dev.strata.audit.adapter.yaml.YamlSeedMatrix;
import dev.strata.audit.core.seed.HistoryGenerator;
import dev.strata.audit.core.seed.HistoryWriter;
import dev.strata.audit.core.seed.SeedMatrix;
import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.runtime.DomainModule;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StoreOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata dev seed-history --runs N}: writes a synthetic LocalAI-shaped history through the
 * aggregates, for measuring the audit.
 */
@Command(
    name = "seed-history",
    mixinStandardHelpOptions = true,
    description =
        "Write a synthetic LocalAI-shaped history (pushes, PRs, weekly schedules, releases, base"
            + " images, failures, evictions, Darwin caches) through the aggregates into the event"
            + " store.")
public final class SeedHistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(names = "--runs", required = true, paramLabel = "N", description = "Runs to write.")
  int runs;

  @Option(
      names = "--matrix",
      paramLabel = "FILE",
      description = "A LocalAI backend-matrix.yml to shape the legs (default: a synthetic one).")
  Path matrix;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: 1).")
  long seed;

  @Option(
      names = "--start",
      defaultValue = "2025-01-04",
      paramLabel = "DATE",
      description = "First day, UTC (default: ${DEFAULT-VALUE}, a Saturday).")
  LocalDate start;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Writer threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--iso-weeks",
      description =
          "Compute DEPS_REFRESH with ISO weeks (default: LocalAI's calendar-year %%Y-W%%V).")
  boolean isoWeeks;

  @Override
  public Integer call() throws Exception {
    SeedMatrix shape =
        matrix != null
            ? YamlSeedMatrix.read(matrix)
            : SeedMatrix.synthetic("quay.io/go-skynet/ci-cache");
    HistoryGenerator generator =
        new HistoryGenerator(
            shape,
            new HistoryGenerator.Settings(
                runs,
                seed,
                start,
                isoWeeks ? WeekKeyStyle.ISO : WeekKeyStyle.CALENDAR_YEAR,
                Repository.parse("mudler/LocalAI")));
    PrintWriter err = spec.commandLine().getErr();
    long began = System.nanoTime();
    try (StrataRuntime runtime =
            StrataRuntime.builder(store.load()).install(new DomainModule()).build().start();
        HistoryWriter writer =
            new HistoryWriter(
                runtime.configuration().commandBus(), runtime.transactionManager(), threads)) {
      long before = runtime.database().headIndex(new EventSchema());
      long[] queued = {0};
      generator.generate(
          script -> {
            writer.write(script);
            if (++queued[0] % 500 == 0) {
              err.println(
                  String.format(
                      Locale.ROOT,
                      "seed-history: %d scripts queued, %.0f s",
                      queued[0],
                      (System.nanoTime() - began) / 1e9));
              err.flush();
            }
          });
      writer.finish();
      long after = runtime.database().headIndex(new EventSchema());
      double seconds = (System.nanoTime() - began) / 1e9;
      long events = after - Math.max(before, 0);
      spec.commandLine()
          .getOut()
          .println(
              String.format(
                  Locale.ROOT,
                  "seeded %d runs (%d scripts, %d commands), about %d events in %.1f s (%.0f events/s)"
                      + " into %s",
                  runs,
                  writer.scriptsWritten(),
                  writer.commandsSent(),
                  events,
                  seconds,
                  events / seconds,
                  runtime.database().displayUrl()));
    }
    return 0;
  }
}
