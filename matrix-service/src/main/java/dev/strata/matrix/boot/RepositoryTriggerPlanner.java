package dev.strata.matrix.boot;

import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.matrix.adapter.jgit.Fetching;
import dev.strata.matrix.adapter.jgit.JGitPlanInputs;
import dev.strata.matrix.adapter.jgit.JGitRevisionDiffs;
import dev.strata.matrix.adapter.jgit.Repositories;
import dev.strata.matrix.adapter.yaml.ProfileException;
import dev.strata.matrix.adapter.yaml.SnakeYamlMatrixParser;
import dev.strata.matrix.adapter.yaml.YamlProfileLoader;
import dev.strata.matrix.core.pipeline.FixedPipeline;
import dev.strata.matrix.core.pipeline.FixedPlan;
import dev.strata.matrix.core.pipeline.FixedPlanner;
import dev.strata.matrix.core.pipeline.PipelineTrigger;
import dev.strata.matrix.core.plan.PlanRequest;
import dev.strata.matrix.core.plan.PlanResult;
import dev.strata.matrix.core.plan.Planner;
import dev.strata.matrix.core.profile.Profile;
import dev.strata.matrix.core.run.TriggerEvents;
import dev.strata.matrix.core.run.TriggerPlanner;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans a trigger in repository mode: reads the profile (every time, so an edit applies to the next
 * run), opens the repository, fetches when a commit the trigger names is missing, and plans.
 */
final class RepositoryTriggerPlanner implements TriggerPlanner {
  private static final Logger LOG = LoggerFactory.getLogger(RepositoryTriggerPlanner.class);

  private final MatrixSettings settings;
  private final SnakeYamlMatrixParser parser = new SnakeYamlMatrixParser();

  RepositoryTriggerPlanner(MatrixSettings settings) {
    this.settings = settings;
  }

  private Profile profile() throws PlanningException {
    try {
      return new YamlProfileLoader().load(settings.profile());
    } catch (ProfileException e) {
      throw new PlanningException(
          "Tried to load profile " + settings.profile() + " but failed because: " + e.getMessage(),
          e);
    }
  }

  @Override
  public FixedPlan planPipeline(String pipeline, Trigger trigger) throws PlanningException {
    Profile profile = profile();
    Optional<FixedPipeline> fixed = profile.pipelines().fixed(pipeline);
    if (fixed.isEmpty()) {
      throw new PlanningException(
          "Tried to plan pipeline "
              + pipeline
              + " but failed because: profile "
              + settings.profile()
              + " does not declare it as a fixed pipeline (it declares: "
              + String.join(", ", profile.pipelines().order())
              + ")",
          null);
    }
    try (Repository repository = Repositories.open(settings.repository())) {
      Fetching.ensure(repository, commits(trigger))
          .ifPresent(f -> LOG.warn("{}; gating from what the repository has", f));
      return FixedPlanner.plan(
          fixed.get(), PipelineTrigger.of(trigger), new JGitRevisionDiffs(repository));
    } catch (IOException e) {
      throw new PlanningException(
          "Tried to open repository "
              + settings.repository()
              + " but failed because: "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public PlanResult plan(Trigger trigger) throws PlanningException {
    Profile profile = profile();
    PlanRequest request = TriggerEvents.request(trigger);
    try (Repository repository = Repositories.open(settings.repository())) {
      Optional<String> fetchFailure = Fetching.ensure(repository, commits(trigger));
      fetchFailure.ifPresent(f -> LOG.warn("{}; planning from what the repository has", f));
      JGitPlanInputs inputs =
          new JGitPlanInputs(
              repository, parser, profile.matrixPath(), profile.protoPath(), request.event());
      PlanResult result = new Planner(profile).plan(request, inputs);
      if (result.exitCode() == 0) {
        return result;
      }
      String error = result.error();
      String current = current(trigger);
      if (current != null && !Fetching.missing(repository, List.of(current)).isEmpty()) {
        error =
            "Tried to plan commit "
                + current
                + " but failed because: commit "
                + current
                + " is not in repository "
                + settings.repository();
      }
      if (fetchFailure.isPresent()) {
        error += " (" + fetchFailure.get() + ")";
      }
      return new PlanResult(
          result.exitCode(), result.outputs(), error, result.decision(), result.selection());
    } catch (IOException e) {
      throw new PlanningException(
          "Tried to open repository "
              + settings.repository()
              + " but failed because: "
              + e.getMessage(),
          e);
    }
  }

  /** The commit the plan reads the matrix at: the PR head, else the run's commit. */
  private static String current(Trigger trigger) {
    CommitSha sha = trigger.isPullRequest() ? trigger.headSha() : trigger.sha();
    return sha == null || sha.isZero() ? null : sha.value();
  }

  /** The commits the plan reads: the run's commit, the push's before, the PR's base and head. */
  private static List<String> commits(Trigger trigger) {
    return Stream.of(trigger.sha(), trigger.before(), trigger.baseSha(), trigger.headSha())
        .filter(Objects::nonNull)
        .filter(sha -> !sha.isZero())
        .map(CommitSha::value)
        .distinct()
        .toList();
  }
}
