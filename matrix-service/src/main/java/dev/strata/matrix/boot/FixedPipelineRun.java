package dev.strata.matrix.boot;

import dev.strata.matrix.adapter.jgit.JGitRevisionDiffs;
import dev.strata.matrix.adapter.jgit.Repositories;
import dev.strata.matrix.adapter.json.FixedPlanJson;
import dev.strata.matrix.core.pipeline.FixedPipeline;
import dev.strata.matrix.core.pipeline.FixedPlan;
import dev.strata.matrix.core.pipeline.FixedPlanner;
import dev.strata.matrix.core.pipeline.PipelineTrigger;
import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.RevisionDiffs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;

/**
 * {@code strata plan --pipeline NAME} for a fixed pipeline: gates it against a repository or a file
 * list and prints the decision and legs ({@code github-output}: {@code build=} and {@code reason=}
 * lines, as image.yml's {@code changes} job outputs; {@code json}; {@code table}).
 */
final class FixedPipelineRun {
  private FixedPipelineRun() {}

  /**
   * Plans and prints; returns the exit code (0 planned, whether it builds or not; 2 when the
   * repository cannot be opened).
   *
   * @param repo the repository to diff, or null to use {@code listed}
   */
  static int run(
      FixedPipeline fixed,
      PipelineTrigger trigger,
      Path repo,
      ChangedFiles listed,
      PlanCommand.Format fmt,
      String eventName,
      PrintWriter stdout,
      PrintWriter err) {
    FixedPlan plan;
    if (repo != null) {
      try (Repository repository = Repositories.open(repo)) {
        plan = FixedPlanner.plan(fixed, trigger, new JGitRevisionDiffs(repository));
      } catch (IOException e) {
        err.println("Tried to open repository " + repo + " but failed because: " + e.getMessage());
        return 2;
      }
    } else {
      plan = FixedPlanner.plan(fixed, trigger, RevisionDiffs.listed(listed));
    }
    switch (fmt) {
      case GITHUB_OUTPUT -> {
        stdout.println("build=" + plan.decision().build());
        stdout.println("reason=" + plan.decision().reason());
      }
      case JSON -> stdout.println(FixedPlanJson.toJson(plan, eventName));
      case TABLE -> stdout.print(FixedPlanTable.render(plan));
    }
    stdout.flush();
    return 0;
  }
}
