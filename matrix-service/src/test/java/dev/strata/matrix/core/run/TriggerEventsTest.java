package dev.strata.matrix.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.matrix.core.plan.GitHubEvent;
import dev.strata.matrix.core.plan.PlanRequest;
import org.junit.jupiter.api.Test;

class TriggerEventsTest {
  private static final Repository REPO = Repository.parse("mudler/LocalAI");
  private static final CommitSha A = CommitSha.parse("a".repeat(40));
  private static final CommitSha B = CommitSha.parse("b".repeat(40));
  private static final CommitSha C = CommitSha.parse("c".repeat(40));

  @Test
  void push_carriesRefBeforeAndAfter() {
    GitHubEvent event = TriggerEvents.event(Trigger.push(REPO, "master", A, B, false));

    assertThat(event)
        .isEqualTo(new GitHubEvent("refs/heads/master", A.value(), B.value(), false, null, null));
    assertThat(event.isBranchPush()).isTrue();
  }

  @Test
  void forceAll_isTheFilterEnvironmentSwitch() {
    PlanRequest forced = TriggerEvents.request(Trigger.push(REPO, "master", A, B, true));
    PlanRequest plain = TriggerEvents.request(Trigger.push(REPO, "master", A, B, false));

    assertThat(forced.forceAll()).isTrue();
    assertThat(plain.forceAll()).isFalse();
  }

  @Test
  void pushWithZeroBefore_keepsTheZeros() {
    GitHubEvent event =
        TriggerEvents.event(Trigger.push(REPO, "feature", CommitSha.ZERO, B, false));

    assertThat(event.zeroBefore()).isTrue();
  }

  @Test
  void pullRequest_carriesBaseAndHead() {
    GitHubEvent event = TriggerEvents.event(Trigger.pullRequest(REPO, 42, A, B, C, false));

    assertThat(event.pullRequest()).isTrue();
    assertThat(event.baseSha()).isEqualTo(A.value());
    assertThat(event.headSha()).isEqualTo(B.value());
    assertThat(event.previousRef()).isEqualTo(A.value());
  }

  @Test
  void tagPush_isATagPush() {
    GitHubEvent event = TriggerEvents.event(Trigger.tagPush(REPO, "v1.2.3", A));

    assertThat(event.isTagPush()).isTrue();
    assertThat(event.after()).isEqualTo(A.value());
  }

  @Test
  void schedule_hasNoRef_butReadsTheResolvedHead() {
    GitHubEvent event = TriggerEvents.event(Trigger.schedule(REPO, "0 3 * * *", "master", A));

    assertThat(event.ref()).isNull();
    assertThat(event.isBranchPush()).isFalse();
    assertThat(event.after()).isEqualTo(A.value());
  }

  @Test
  void dispatch_hasNoRange() {
    GitHubEvent event = TriggerEvents.event(Trigger.dispatch(REPO, "refs/heads/master", A));

    assertThat(event.isBranchPush()).isTrue();
    assertThat(event.before()).isNull();
    assertThat(event.after()).isEqualTo(A.value());
  }
}
