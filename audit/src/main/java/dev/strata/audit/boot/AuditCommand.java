package dev.strata.audit.boot;

import dev.strata.audit.core.AuditReplay;
import dev.strata.audit.core.ReplayProgress;
import dev.strata.audit.core.report.HtmlReport;
import dev.strata.audit.core.report.JsonReport;
import dev.strata.audit.core.report.TextReport;
import dev.strata.audit.port.EventLogException;
import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.api.AuditReport;
import dev.strata.domain.audit.model.AuditRules;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StoreOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code strata audit}: replays the event log from the beginning into a fresh audit model and
 * reports cache use per ref and the invariant violations, as text, JSON or one HTML page.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = {
      "Replay the event log from the beginning and report cache use and invariant violations.",
      "Progress goes to stderr; the report to stdout or --out."
    },
    subcommands = {ExplainCommand.class})
public final class AuditCommand implements Callable<Integer> {

  /** Output formats. */
  public enum Format {
    text,
    json,
    html
  }

  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      converter = Dates.From.class,
      description = "List only what happened from this date (UTC) or instant on.")
  Instant from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      converter = Dates.To.class,
      description = "Ignore events after this date (whole day included) or instant.")
  Instant to;

  @Option(names = "--run", paramLabel = "ID", description = "List only what concerns this run.")
  String run;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json or html (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here.")
  Path out;

  @Option(
      names = "--merge-window",
      paramLabel = "DURATION",
      defaultValue = "PT2H",
      description = "How long a pushed digest may wait for its merge (default: ${DEFAULT-VALUE}).")
  Duration mergeWindow;

  @Option(
      names = "--entries",
      paramLabel = "N",
      defaultValue = "20",
      description = "Latest writes/reads/evictions listed per cache ref, 0 for all (default: 20).")
  int entries;

  @Option(
      names = "--reader",
      defaultValue = "JDBC",
      description = "How to read the log: JDBC (fast) or AXON (openStream).")
  AuditWiring.Reader reader;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Option(
      names = "--fail-on-violations",
      description = "Exit with 3 when the report lists a violation.")
  boolean failOnViolations;

  @Override
  public Integer call() throws Exception {
    AuditQuery query = query();
    AuditRules rules = rules();
    PrintWriter err = spec.commandLine().getErr();
    ReplayProgress progress = quiet ? ReplayProgress.SILENT : new StderrProgress(err, "audit");
    AuditReport report;
    try (StrataRuntime runtime = AuditStores.open(store.load())) {
      if (reader == AuditWiring.Reader.AXON) {
        runtime.start();
      }
      report = new AuditReplay(AuditWiring.eventLog(runtime, reader), progress).audit(query, rules);
    } catch (EventLogException e) {
      err.println("strata audit: " + e.getMessage());
      err.flush();
      return 1;
    }
    String rendered =
        switch (format) {
          case text -> TextReport.write(report);
          case json -> JsonReport.write(report) + "\n";
          case html -> HtmlReport.write(report);
        };
    emit(rendered);
    return failOnViolations && !report.violations().isEmpty() ? 3 : 0;
  }

  private AuditQuery query() {
    try {
      return new AuditQuery(from, to, run == null ? null : RunId.of(run));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private AuditRules rules() {
    try {
      return AuditRules.defaults().withMergeWindow(mergeWindow).withEntryLimit(entries);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private void emit(String rendered) throws IOException {
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(rendered);
      stdout.flush();
      return;
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, rendered, StandardCharsets.UTF_8);
  }
}
