package dev.strata.launcher;

import dev.strata.domain.run.api.ReceiveTrigger;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.model.ConcurrencyScheme;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StoreOptions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code strata trigger}: records a trigger directly in the event store, without the gateway (for
 * local experiments and smoke tests; CI calls the gateway's REST API).
 */
@Command(
    name = "trigger",
    description = "Record a trigger directly in the event store (local use; CI uses the REST API).")
final class TriggerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions options;

  @Option(names = "--repo", required = true, paramLabel = "OWNER/NAME", description = "Repository.")
  String repo;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Kind kind;

  static final class Kind {
    @Option(names = "--branch", paramLabel = "BRANCH", description = "A push to this branch.")
    String branch;

    @Option(names = "--tag", paramLabel = "TAG", description = "A push of this tag.")
    String tag;

    @Option(names = "--pr", paramLabel = "NUMBER", description = "A pull request.")
    Integer pr;
  }

  @Option(names = "--before", paramLabel = "SHA", description = "Push: the commit before.")
  String before;

  @Option(
      names = {"--after", "--sha"},
      required = true,
      paramLabel = "SHA",
      description = "The commit to build (push 'after', tag commit, PR head).")
  String sha;

  @Option(names = "--base", paramLabel = "SHA", description = "Pull request: the base commit.")
  String base;

  @Option(names = "--fork", description = "Pull request: it comes from a fork.")
  boolean fork;

  @Option(names = "--force-all", description = "FORCE_ALL=true.")
  boolean forceAll;

  @Override
  public Integer call() throws Exception {
    Trigger trigger = trigger();
    RunId runId = RunId.of(randomId());
    String group = ConcurrencyScheme.BACKENDS.groupOf(trigger).key();
    try (StrataRuntime runtime = Roles.runtime(options.load(), List.of()).start()) {
      runtime
          .commandGateway()
          .sendAndWait(
              new ReceiveTrigger(
                  runId, trigger, "cli-" + runId, group, List.of("backend"), true, Instant.now()));
    }
    spec.commandLine().getOut().println(runId + " " + group);
    return 0;
  }

  private Trigger trigger() {
    try {
      Repository repository = Repository.parse(repo);
      CommitSha commit = CommitSha.parse(sha);
      if (kind.branch != null) {
        return Trigger.push(
            repository,
            kind.branch,
            before == null ? CommitSha.ZERO : CommitSha.parse(before),
            commit,
            forceAll);
      }
      if (kind.tag != null) {
        return Trigger.tagPush(repository, kind.tag, commit);
      }
      if (base == null) {
        throw new UserInputException("--pr needs --base SHA (the pull request's base commit)");
      }
      return Trigger.pullRequest(repository, kind.pr, CommitSha.parse(base), commit, null, fork);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }

  private static String randomId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder(20);
    for (int i = 0; i < 20; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
