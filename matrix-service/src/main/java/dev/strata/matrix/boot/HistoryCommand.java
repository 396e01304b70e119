package dev.strata.matrix.boot;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.adapter.jgit.FirstParentHistory;
import dev.strata.matrix.adapter.jgit.JGitPlanInputs;
import dev.strata.matrix.adapter.jgit.Repositories;
import dev.strata.matrix.adapter.json.HistoryJson;
import dev.strata.matrix.adapter.yaml.ProfileException;
import dev.strata.matrix.adapter.yaml.SnakeYamlMatrixParser;
import dev.strata.matrix.adapter.yaml.YamlProfileLoader;
import dev.strata.matrix.core.history.HistoryReport;
import dev.strata.matrix.core.history.PushRef;
import dev.strata.matrix.core.plan.GitHubEvent;
import dev.strata.matrix.core.plan.PlanRequest;
import dev.strata.matrix.core.plan.PlanResult;
import dev.strata.matrix.core.plan.Planner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata plan history}: replays the filter over every first-parent push of a branch and
 * reports, per push and in total, the entries selected, run-all and how often each shared rule
 * fired. With {@code --profile-b} it shows where a second profile would select differently. {@code
 * --format json} writes the same as one JSON object ({@link HistoryJson}).
 */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = "Replay the filter over past pushes and report what each rule cost.")
public final class HistoryCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--profile", required = true, description = "Profile file.")
  Path profile;

  @Option(names = "--profile-b", description = "A second profile to compare with.")
  Path profileB;

  @Option(names = "--repo", required = true, description = "Git repository (work tree or bare).")
  Path repo;

  @Option(names = "--count", description = "Replay at most this many pushes (default 300).")
  Integer count;

  @Option(
      names = "--since",
      description = "Replay pushes committed on or after this date (YYYY-MM-DD).")
  LocalDate since;

  @Option(names = "--branch", defaultValue = "master", description = "Branch (default master).")
  String branch;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text (default) or json (per push and totals, stable key order).")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    YamlProfileLoader loader = new YamlProfileLoader();
    Planner a;
    Planner b;
    try {
      a = new Planner(loader.load(profile));
      b = profileB == null ? null : new Planner(loader.load(profileB));
    } catch (ProfileException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (!format.equals("text") && !format.equals("json")) {
      err.println("--format must be text or json, not '" + format + "'");
      return 2;
    }
    boolean json = format.equals("json");
    int limit = count != null ? count : since != null ? Integer.MAX_VALUE : 300;
    long from = since == null ? Long.MIN_VALUE : since.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    try (Repository repository = Repositories.open(repo)) {
      List<PushRef> pushes = FirstParentHistory.pushes(repository, branch, limit, from);
      Map<ObjectId, Matrix> parsed = new HashMap<>();
      HistoryReport reportA = replay(a, repository, pushes, parsed);
      if (b == null) {
        out.print(json ? HistoryJson.toJson(branch, reportA) + "\n" : reportA.table());
      } else {
        HistoryReport reportB = replay(b, repository, pushes, parsed);
        out.print(
            json
                ? HistoryJson.compare(branch, reportA, reportB) + "\n"
                : compare(reportA, reportB));
      }
    } catch (IOException e) {
      err.println(
          "Tried to replay " + branch + " of " + repo + " but failed because: " + e.getMessage());
      return 2;
    }
    out.flush();
    return 0;
  }

  private HistoryReport replay(
      Planner planner, Repository repository, List<PushRef> pushes, Map<ObjectId, Matrix> parsed) {
    SnakeYamlMatrixParser parser = new SnakeYamlMatrixParser();
    HistoryReport report = new HistoryReport();
    for (PushRef push : pushes) {
      GitHubEvent event =
          new GitHubEvent("refs/heads/" + branch, push.before(), push.after(), false, null, null);
      JGitPlanInputs inputs =
          new JGitPlanInputs(
              repository,
              parser,
              planner.profile().matrixPath(),
              planner.profile().protoPath(),
              event,
              parsed);
      PlanResult result = planner.plan(new PlanRequest(event, Map.of()), inputs);
      report.add(push, result);
    }
    return report;
  }

  /** The pushes where the two profiles select differently, then both totals. */
  static String compare(HistoryReport a, HistoryReport b) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format("%-10s %13s %13s  %s%n", "push", "A linux/darw", "B linux/darw", "subject"));
    int differ = 0;
    for (int i = 0; i < a.rows().size(); i++) {
      HistoryReport.Row x = a.rows().get(i);
      HistoryReport.Row y = b.rows().get(i);
      String ax = counts(x);
      String by = counts(y);
      if (!ax.equals(by)) {
        differ++;
        sb.append(
            String.format(
                "%-10s %13s %13s  %s%n",
                x.push().after().substring(0, 10), ax, by, x.push().subject()));
      }
    }
    sb.append(String.format("%d of %d pushes select differently%n", differ, a.rows().size()));
    sb.append("A: ").append(a.totalsText());
    sb.append("B: ").append(b.totalsText());
    return sb.toString();
  }

  private static String counts(HistoryReport.Row r) {
    if (r.result().exitCode() != 0) {
      return "FAILED";
    }
    PlanResult.Decision d = r.result().decision();
    return (d.runAll() ? "all " : "") + d.linuxSelected() + "/" + d.darwinSelected();
  }
}
