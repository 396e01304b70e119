package dev.strata.domain.leg.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.model.ImageNaming;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.Trigger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PushPolicyTest {
  private static final ImageNaming NAMING =
      ImageNaming.of(
          "quay.io/go-skynet/ci-cache",
          List.of("quay.io/go-skynet/local-ai-backends", "localai/localai-backends"),
          "quay.io/go-skynet/ci-tests");
  private static final Repository REPO = Repository.parse("mudler/LocalAI");
  private static final CommitSha A = new CommitSha("a".repeat(40));
  private static final CommitSha MERGE = new CommitSha("1a2b3c4" + "0".repeat(33));

  static Stream<Arguments> nonPullRequestTriggers() {
    return Stream.of(
        Arguments.of(Trigger.push(REPO, "master", A, MERGE, false)),
        Arguments.of(Trigger.tagPush(REPO, "v4.9.0", MERGE)),
        Arguments.of(Trigger.schedule(REPO, "0 6 * * 0", "master", MERGE)),
        Arguments.of(Trigger.dispatch(REPO, "refs/heads/master", MERGE)));
  }

  // DOMAIN.md 4.4: push by digest to both registries, untagged, no provenance.
  @ParameterizedTest
  @MethodSource("nonPullRequestTriggers")
  void nonPullRequests_pushByDigestToEveryPublishRepo(Trigger trigger) {
    PushPlan plan = PushPolicy.forLeg(trigger, NAMING, LocalAi.cuda12Vllm());

    assertThat(plan.push()).isTrue();
    assertThat(plan.provenance()).isFalse();
    assertThat(plan.tags()).isEmpty();
    assertThat(plan.outputs())
        .containsExactly(
            "type=image,name=quay.io/go-skynet/local-ai-backends,push-by-digest=true"
                + ",name-canonical=true,push=true",
            "type=image,name=localai/localai-backends,push-by-digest=true"
                + ",name-canonical=true,push=true");
    assertThat(plan.pushedRepositories()).isEqualTo(NAMING.publishRepos());
  }

  // DOMAIN.md 4.7: same-repo PRs push their test tag to ci-tests only.
  @Test
  void sameRepoPullRequest_pushesOnlyTheTestTag() {
    Trigger pr = Trigger.pullRequest(REPO, 11000, A, A, MERGE, false);

    PushPlan plan = PushPolicy.forLeg(pr, NAMING, LocalAi.cuda12Vllm());

    assertThat(plan.push()).isTrue();
    assertThat(plan.provenance()).isFalse();
    assertThat(plan.outputs()).isEmpty();
    assertThat(plan.tags())
        .map(ImageRef::toString)
        .containsExactly("quay.io/go-skynet/ci-tests:sha-1a2b3c411000-vllm-cublas-12-8");
    assertThat(plan.pushedRepositories())
        .containsExactly(ImageRef.of("quay.io/go-skynet/ci-tests"));
  }

  @Test
  void forkPullRequest_pushesNothing() {
    Trigger fork = Trigger.pullRequest(REPO, 11000, A, A, MERGE, true);

    PushPlan plan = PushPolicy.forLeg(fork, NAMING, LocalAi.cuda12Vllm());

    assertThat(plan.push()).isFalse();
    assertThat(plan.pushedRepositories()).isEmpty();
    assertThat(plan.tags()).hasSize(1);
  }
}
