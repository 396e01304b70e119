package dev.strata.matrix.core.pipeline;

import dev.strata.domain.Values;
import java.util.List;

/**
 * When a fixed pipeline runs, per trigger kind (the profile's {@code push}, {@code pullRequest},
 * {@code schedule} and {@code workflowDispatch} keys). A kind without rules does not run it.
 *
 * @param push rules for pushes, or null when pushes do not run the pipeline
 * @param pullRequest rules for pull requests, or null when they do not run it
 * @param schedules the crons that run it (empty: schedules do not)
 * @param workflowDispatch whether a manual dispatch runs it
 */
public record TriggerRules(
    Push push, PullRequest pullRequest, List<String> schedules, boolean workflowDispatch) {

  public TriggerRules {
    schedules = List.copyOf(Values.required(schedules, "schedules"));
  }

  /**
   * Push rules.
   *
   * @param branches the branches whose pushes run the pipeline
   * @param tags whether tag pushes run it (never gated)
   * @param skipWhenEveryFileMatches DOMAIN.md 11.8's {@code changes} gate (empty: no such gate)
   * @param paths GitHub's {@code paths} filter: some changed file must match (empty: no filter)
   */
  public record Push(
      List<String> branches,
      boolean tags,
      List<PathPattern> skipWhenEveryFileMatches,
      List<PathPattern> paths) {
    public Push {
      branches = List.copyOf(Values.required(branches, "branches"));
      skipWhenEveryFileMatches = List.copyOf(Values.required(skipWhenEveryFileMatches, "gate"));
      paths = List.copyOf(Values.required(paths, "paths"));
    }
  }

  /**
   * Pull request rules.
   *
   * @param pathsIgnore GitHub's {@code paths-ignore}: skipped when every changed file matches
   */
  public record PullRequest(List<PathPattern> pathsIgnore) {
    public PullRequest {
      pathsIgnore = List.copyOf(Values.required(pathsIgnore, "paths-ignore"));
    }
  }
}
