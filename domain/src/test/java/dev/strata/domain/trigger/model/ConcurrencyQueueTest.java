package dev.strata.domain.trigger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.api.TriggerKind;
import dev.strata.domain.trigger.model.ConcurrencyQueue.Decision;
import dev.strata.domain.trigger.model.ConcurrencyQueue.Newcomer;
import dev.strata.domain.trigger.model.ConcurrencyQueue.Run;
import dev.strata.domain.trigger.model.ConcurrencyQueue.State;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConcurrencyQueueTest {
  private static final ConcurrencyGroup GROUP =
      new ConcurrencyGroup("ci-backends-82c191afadf5f005281e798ccfa0ffd0d5805030-mudler/LocalAI");

  /**
   * Scenarios as step lists: {@code +<id>:<KIND>} queues a run ({@code !} appended = with
   * cancel-in-progress), {@code -<id>} finishes one. Expected: the running run, the pending runs,
   * every cancellation as {@code <id>:P} (superseded while pending) or {@code <id>:R} (cancelled
   * while running), and the releases kept that GitHub would have cancelled.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // DOMAIN.md 9, hazard H2: GitHub cancels the pending release for a cron run.
        "github|+1:PUSH +2:TAG_PUSH +3:SCHEDULE|1|3|2:P|''",
        // DOMAIN.md 15.5: Strata keeps the release; the cron run waits behind it.
        "strata|+1:PUSH +2:TAG_PUSH +3:SCHEDULE|1|2 3|''|2",
        "strata|+1:PUSH +2:TAG_PUSH +3:WORKFLOW_DISPATCH|1|2 3|''|2",
        "strata|+1:PUSH +2:TAG_PUSH +3:SCHEDULE -1|2|3|''|2",
        "strata|+1:PUSH +2:TAG_PUSH +3:SCHEDULE -1 -2|3|''|''|2",
        "strata|+1:PUSH +2:TAG_PUSH +3:SCHEDULE +4:WORKFLOW_DISPATCH|1|2 4|3:P|2",
        "strata|+1:PUSH +2:SCHEDULE +3:TAG_PUSH|1|3|2:P|''",
        "strata|+1:PUSH +2:TAG_PUSH +3:TAG_PUSH|1|2 3|''|2",
        "github|+1:PUSH +2:TAG_PUSH +3:TAG_PUSH|1|3|2:P|''",
        // one running, one pending; a newcomer supersedes the pending run
        "github|+1:PUSH +2:PUSH +3:PUSH|1|3|2:P|''",
        "strata|+1:PUSH +2:PUSH +3:PUSH|1|3|2:P|''",
        // cancel-in-progress (PRs): a new push to a PR cancels the older run
        "github|+1:PULL_REQUEST! +2:PULL_REQUEST!|2|''|1:R|''",
        "strata|+1:PULL_REQUEST! +2:PULL_REQUEST! +3:PULL_REQUEST!|3|''|1:R 2:R|''",
        "strata|+1:PULL_REQUEST! -1 +2:PULL_REQUEST!|2|''|''|''",
        // a running release is never cancelled in progress under Strata's rule
        "github|+1:TAG_PUSH +2:PULL_REQUEST!|2|''|1:R|''",
        "strata|+1:TAG_PUSH +2:PULL_REQUEST!|1|2|''|1",
        "strata|+1:PUSH +2:TAG_PUSH +3:PULL_REQUEST!|2|3|1:R|2",
        // finishing: a pending run leaves, the running one hands over
        "strata|+1:PUSH +2:SCHEDULE -2|1|''|''|''",
        "github|+1:PUSH -1|''|''|''|''",
      })
  void queue_scenarios(
      String mode,
      String steps,
      String running,
      String pending,
      String cancelled,
      String protectedReleases) {
    ConcurrencyQueue queue =
        mode.equals("strata") ? ConcurrencyQueue.strata() : ConcurrencyQueue.github();
    State state = State.empty(GROUP);
    List<String> cancels = new ArrayList<>();
    Set<String> kept = new LinkedHashSet<>();
    for (String step : steps.split(" ")) {
      Decision d;
      if (step.startsWith("+")) {
        String[] parts = step.substring(1).split(":");
        boolean cip = parts[1].endsWith("!");
        TriggerKind kind = TriggerKind.valueOf(parts[1].replace("!", ""));
        d = queue.decide(state, new Newcomer(new Run(RunId.of(parts[0]), kind), cip));
      } else {
        d = queue.finish(state, RunId.of(step.substring(1)));
      }
      d.cancel()
          .forEach(
              c ->
                  cancels.add(
                      c.run()
                          + ":"
                          + (c.reason() == ConcurrencyQueue.Reason.SUPERSEDED_WHILE_PENDING
                              ? "P"
                              : "R")));
      d.protectedReleases().forEach(r -> kept.add(r.value()));
      state = d.newState();
    }

    assertThat(state.running().map(r -> r.id().value()).orElse("")).isEqualTo(running);
    assertThat(String.join(" ", state.pending().stream().map(r -> r.id().value()).toList()))
        .isEqualTo(pending);
    assertThat(String.join(" ", cancels)).isEqualTo(cancelled);
    assertThat(String.join(" ", kept)).isEqualTo(protectedReleases);
  }

  @Test
  void decision_saysWhoStartsAndWhy() {
    ConcurrencyQueue queue = ConcurrencyQueue.github();
    Decision first =
        queue.decide(
            State.empty(GROUP), new Newcomer(new Run(RunId.of("1"), TriggerKind.PUSH), false));
    Decision second =
        queue.decide(
            first.newState(), new Newcomer(new Run(RunId.of("2"), TriggerKind.TAG_PUSH), false));
    Decision third =
        queue.decide(
            second.newState(), new Newcomer(new Run(RunId.of("3"), TriggerKind.SCHEDULE), false));

    assertThat(first.started()).contains(RunId.of("1"));
    assertThat(second.started()).isEmpty();
    assertThat(third.cancel())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.run()).isEqualTo(RunId.of("2"));
              assertThat(c.by()).isEqualTo(RunId.of("3"));
              assertThat(c.message())
                  .isEqualTo(
                      "Run 2 (TAG_PUSH) was pending and is superseded by run 3 (SCHEDULE) in group "
                          + GROUP);
            });
    assertThat(queue.finish(third.newState(), RunId.of("1")).started()).contains(RunId.of("3"));
  }

  @Test
  void newcomerOf_readsCancelInProgressFromTheScheme() {
    Repository repo = Repository.parse("mudler/LocalAI");
    CommitSha sha = new CommitSha("a".repeat(40));

    Newcomer pr =
        Newcomer.of(
            RunId.of("7"),
            Trigger.pullRequest(repo, 3, sha, sha, null, false),
            ConcurrencyScheme.BACKENDS_PR);
    Newcomer tag =
        Newcomer.of(
            RunId.of("8"), Trigger.tagPush(repo, "v4.9.0", sha), ConcurrencyScheme.BACKENDS);

    assertThat(pr.cancelInProgress()).isTrue();
    assertThat(tag.cancelInProgress()).isFalse();
    assertThat(tag.run().isRelease()).isTrue();
  }

  @Test
  void queueingARunTwice_isRefused() {
    ConcurrencyQueue queue = ConcurrencyQueue.strata();
    Newcomer one = new Newcomer(new Run(RunId.of("1"), TriggerKind.PUSH), false);
    State state = queue.decide(State.empty(GROUP), one).newState();

    assertThatThrownBy(() -> queue.decide(state, one))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 (PUSH)")
        .hasMessageContaining("already queued");
  }

  @Test
  void finishingAnUnknownRun_isRefused() {
    assertThatThrownBy(() -> ConcurrencyQueue.strata().finish(State.empty(GROUP), RunId.of("9")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("run 9")
        .hasMessageContaining("neither running nor pending");
  }

  @Test
  void pendingWithoutRunning_isAnInvalidState() {
    assertThatThrownBy(
            () ->
                new State(
                    GROUP,
                    java.util.Optional.empty(),
                    List.of(new Run(RunId.of("1"), TriggerKind.PUSH))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nothing runs");
  }
}
