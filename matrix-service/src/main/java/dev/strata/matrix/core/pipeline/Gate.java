package dev.strata.matrix.core.pipeline;

import static dev.strata.matrix.core.pipeline.GateDecision.build;
import static dev.strata.matrix.core.pipeline.GateDecision.skip;

import dev.strata.domain.trigger.api.TriggerKind;
import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.RevisionDiffs;
import java.util.List;

/**
 * Decides whether a fixed pipeline builds for a trigger (DOMAIN.md 11.8, 11.9 and 6.1's triggers):
 * a tag push builds when tags run the pipeline; a push to one of its branches passes the {@code
 * changes} gate (build when {@code before} is empty, all zeros or not a commit, or the diff is
 * empty; skip only when every changed file matches) and then the {@code paths} filter (some file
 * must match); a pull request is skipped only when every changed file matches {@code paths-ignore};
 * a schedule builds for its crons, a dispatch when dispatch is allowed. When the changed files
 * cannot be read the pipeline builds: the gate never skips without evidence.
 */
public final class Gate {
  private Gate() {}

  /** The decision for {@code trigger}; {@code diffs} is read only when a rule needs the files. */
  public static GateDecision decide(
      TriggerRules rules, PipelineTrigger trigger, RevisionDiffs diffs) {
    TriggerKind kind = trigger.kind();
    if (kind == TriggerKind.PUSH
        && trigger.ref() != null
        && trigger.ref().startsWith("refs/tags/")) {
      kind = TriggerKind.TAG_PUSH;
    }
    return switch (kind) {
      case TAG_PUSH ->
          rules.push() != null && rules.push().tags()
              ? build("tag", "ref " + trigger.ref() + " is a tag; tag pushes always build")
              : skip("not-triggered", "tag pushes do not run this pipeline");
      case PUSH -> push(rules.push(), trigger, diffs);
      case PULL_REQUEST -> pullRequest(rules.pullRequest(), trigger, diffs);
      case SCHEDULE -> schedule(rules.schedules(), trigger.cron());
      case WORKFLOW_DISPATCH ->
          rules.workflowDispatch()
              ? build("dispatch", "a manual dispatch builds this pipeline")
              : skip("not-triggered", "manual dispatches do not run this pipeline");
    };
  }

  private static GateDecision push(
      TriggerRules.Push rules, PipelineTrigger trigger, RevisionDiffs diffs) {
    if (rules == null) {
      return skip("not-triggered", "pushes do not run this pipeline");
    }
    String branch = trigger.branch();
    if (branch == null || !rules.branches().contains(branch)) {
      return skip(
          "not-triggered",
          "a push to "
              + (branch == null ? "ref " + trigger.ref() : "branch " + branch)
              + " does not run this pipeline (it runs on "
              + rules.branches()
              + ")");
    }
    if (rules.skipWhenEveryFileMatches().isEmpty() && rules.paths().isEmpty()) {
      return build("ungated", "every push to " + branch + " builds");
    }
    String before = trigger.before();
    if (before == null) {
      return build("no-before", "the push names no before commit, so there is nothing to diff");
    }
    if (before.chars().allMatch(c -> c == '0')) {
      return build("zero-before", "before is all zeros (a new branch)");
    }
    if (!diffs.isCommit(before)) {
      return build(
          "before-not-a-commit", "before " + before + " is not a commit of the repository");
    }
    ChangedFiles changed = diffs.pushDiff(before, trigger.after());
    if (changed instanceof ChangedFiles.Unavailable u) {
      return build("changed-files-unavailable", "the changed files cannot be read: " + u.reason());
    }
    List<String> files = ((ChangedFiles.Listed) changed).files();
    GateDecision decision = null;
    if (!rules.skipWhenEveryFileMatches().isEmpty()) {
      decision = everyFileMatches(files, rules.skipWhenEveryFileMatches(), "the ignore list");
      if (!decision.build()) {
        return decision;
      }
    }
    if (!rules.paths().isEmpty()) {
      for (String file : files) {
        for (PathPattern p : rules.paths()) {
          if (p.matches(file)) {
            return build("matching-path", file + " matches " + p.raw());
          }
        }
      }
      return skip(
          "no-matching-path",
          "none of the " + files.size() + " changed files matches " + rules.paths());
    }
    return decision;
  }

  private static GateDecision pullRequest(
      TriggerRules.PullRequest rules, PipelineTrigger trigger, RevisionDiffs diffs) {
    if (rules == null) {
      return skip("not-triggered", "pull requests do not run this pipeline");
    }
    if (rules.pathsIgnore().isEmpty()) {
      return build("ungated", "every pull request builds");
    }
    ChangedFiles changed = diffs.pullRequestDiff(trigger.baseSha(), trigger.headSha());
    if (changed instanceof ChangedFiles.Unavailable u) {
      return build("changed-files-unavailable", "the changed files cannot be read: " + u.reason());
    }
    return everyFileMatches(
        ((ChangedFiles.Listed) changed).files(), rules.pathsIgnore(), "paths-ignore");
  }

  /** Skip when every file matches one of {@code ignore}; an empty diff builds. */
  private static GateDecision everyFileMatches(
      List<String> files, List<PathPattern> ignore, String listName) {
    if (files.isEmpty()) {
      return build("empty-diff", "the diff is empty");
    }
    for (String file : files) {
      if (ignore.stream().noneMatch(p -> p.matches(file))) {
        return build("relevant-change", file + " matches nothing in " + listName + " " + ignore);
      }
    }
    return skip(
        "ignored-only",
        (files.size() == 1 ? "the only changed file" : "all " + files.size() + " changed files")
            + " match "
            + listName
            + " "
            + ignore);
  }

  private static GateDecision schedule(List<String> crons, String cron) {
    if (crons.isEmpty()) {
      return skip("not-triggered", "schedules do not run this pipeline");
    }
    if (cron == null) {
      return build(
          "schedule", "a schedule fired (no cron named; this pipeline's are " + crons + ")");
    }
    return crons.contains(cron)
        ? build("schedule", "cron '" + cron + "' is this pipeline's schedule")
        : skip("not-triggered", "cron '" + cron + "' is not one of this pipeline's " + crons);
  }
}
