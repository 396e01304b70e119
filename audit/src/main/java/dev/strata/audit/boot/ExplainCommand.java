package dev.strata.audit.boot;

import dev.strata.audit.core.AuditReplay;
import dev.strata.audit.core.ReplayProgress;
import dev.strata.audit.core.report.JsonReport;
import dev.strata.audit.core.report.TextReport;
import dev.strata.audit.port.EventLogException;
import dev.strata.domain.audit.api.MissExplanation;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StoreOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code strata audit explain --leg RUN/LEGKEY}: why a leg's registry cache missed. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain a leg's cache miss: which recorded input differed from the last write of its"
            + " cache ref, or whether the ref was evicted (and by whom) or never written.")
final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions store;

  @Option(
      names = "--leg",
      required = true,
      paramLabel = "RUN/LEGKEY",
      description = "The run id and the leg, e.g. 1234/-cpu-vllm@amd64 or 1234/darwin:llama-cpp.")
  String leg;

  @Option(names = "--format", defaultValue = "text", description = "text or json.")
  AuditCommand.Format format;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    int slash = leg.indexOf('/');
    RunId runId;
    LegId legId;
    try {
      if (slash <= 0) {
        throw new IllegalArgumentException("expected RUN/LEGKEY, e.g. 1234/-cpu-vllm@amd64");
      }
      runId = RunId.of(leg.substring(0, slash));
      legId = LegId.of(leg.substring(slash + 1));
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          spec.commandLine(), "Invalid --leg '" + leg + "': " + e.getMessage());
    }
    if (format == AuditCommand.Format.html) {
      throw new ParameterException(spec.commandLine(), "explain writes text or json, not html");
    }
    PrintWriter err = spec.commandLine().getErr();
    ReplayProgress progress = quiet ? ReplayProgress.SILENT : new StderrProgress(err, "explain");
    MissExplanation explanation;
    try (StrataRuntime runtime = AuditStores.open(store.load())) {
      explanation =
          new AuditReplay(AuditWiring.eventLog(runtime, AuditWiring.Reader.JDBC), progress)
              .explain(runId, legId);
    } catch (EventLogException e) {
      err.println("strata audit explain: " + e.getMessage());
      err.flush();
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        format == AuditCommand.Format.json
            ? JsonReport.write(explanation) + "\n"
            : TextReport.write(explanation));
    out.flush();
    return explanation.verdict() == MissExplanation.Verdict.LEG_NOT_FOUND ? 4 : 0;
  }
}
