package dev.strata.domain.run.model;

import static dev.strata.domain.run.model.RunFixtures.AGENT_A;
import static dev.strata.domain.run.model.RunFixtures.AGENT_B;
import static dev.strata.domain.run.model.RunFixtures.AMD64;
import static dev.strata.domain.run.model.RunFixtures.ARM64;
import static dev.strata.domain.run.model.RunFixtures.D1;
import static dev.strata.domain.run.model.RunFixtures.D2;
import static dev.strata.domain.run.model.RunFixtures.PR;
import static dev.strata.domain.run.model.RunFixtures.PUSH;
import static dev.strata.domain.run.model.RunFixtures.RUN;
import static dev.strata.domain.run.model.RunFixtures.SFX;
import static dev.strata.domain.run.model.RunFixtures.T0;
import static dev.strata.domain.run.model.RunFixtures.inputs;
import static dev.strata.domain.run.model.RunFixtures.received;
import static dev.strata.domain.run.model.RunFixtures.steps;
import static dev.strata.domain.run.model.RunFixtures.t;
import static dev.strata.domain.run.model.RunFixtures.twoLegPlan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.CancelRun;
import dev.strata.domain.run.api.ClaimLeg;
import dev.strata.domain.run.api.ClaimOutcome;
import dev.strata.domain.run.api.DeferMerge;
import dev.strata.domain.run.api.ExpireLease;
import dev.strata.domain.run.api.LegClaimRejected;
import dev.strata.domain.run.api.LegClaimed;
import dev.strata.domain.run.api.LegFailed;
import dev.strata.domain.run.api.LegLeaseExpired;
import dev.strata.domain.run.api.LegVerified;
import dev.strata.domain.run.api.ManifestMerged;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.MergeDeferred;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.run.api.PublishedIndex;
import dev.strata.domain.run.api.ReceiveTrigger;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordLegFailure;
import dev.strata.domain.run.api.RecordLegVerified;
import dev.strata.domain.run.api.RecordManifestMerge;
import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.run.api.RecordPlanningFailure;
import dev.strata.domain.run.api.ReleaseLeg;
import dev.strata.domain.run.api.RunCancelled;
import dev.strata.domain.run.api.RunCompleted;
import dev.strata.domain.run.api.RunOutcome;
import dev.strata.domain.run.api.RunRefusedException;
import dev.strata.domain.run.api.RunStarted;
import dev.strata.domain.run.api.StartRun;
import dev.strata.domain.run.api.TriggerReceived;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BuildRunTest {
  private AggregateTestFixture<BuildRun> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(BuildRun.class);
  }

  private static ClaimLeg claim(LegId leg, dev.strata.domain.leg.api.AgentId agent, int at) {
    return new ClaimLeg(RUN, leg, agent, t(at + 600), t(at));
  }

  private static LegClaimed claimed(
      LegId leg, dev.strata.domain.leg.api.AgentId agent, int at, int attempt) {
    return new LegClaimed(RUN, leg, agent, t(at + 600), attempt, t(at));
  }

  private static RecordArchDigest digest(
      LegId leg, dev.strata.domain.leg.api.AgentId agent, Digest d, int at) {
    return new RecordArchDigest(
        RUN,
        leg,
        agent,
        d,
        List.of(ImageRef.parse("quay.io/go-skynet/local-ai-backends")),
        ImageRef.parse("quay.io/go-skynet/ci-cache:keepalive-run1-cpu-vllm-amd64"),
        List.of(),
        List.of(),
        false,
        steps(),
        inputs(),
        t(at));
  }

  private static ArchDigestPushed pushed(
      LegId leg, dev.strata.domain.leg.api.AgentId agent, Digest d, int at) {
    RecordArchDigest c = digest(leg, agent, d, at);
    return new ArchDigestPushed(
        RUN,
        leg,
        agent,
        d,
        c.pushedTo(),
        c.anchor(),
        c.cacheRead(),
        c.cacheWritten(),
        false,
        c.steps(),
        c.inputs(),
        t(at));
  }

  private static PublishedIndex index() {
    return new PublishedIndex(
        ImageRef.parse("quay.io/go-skynet/local-ai-backends"),
        Digest.of("sha256:" + "c".repeat(64)),
        List.of("master-cpu-vllm"),
        List.of("linux/amd64", "linux/arm64"));
  }

  @Test
  void receiveTrigger_createsRunStartedOrPending() {
    fixture
        .givenNoPriorActivity()
        .when(
            new ReceiveTrigger(
                RUN, PUSH, "delivery-1", "ci-backends-x", List.of("backend"), true, T0))
        .expectSuccessfulHandlerExecution()
        .expectEvents(received(PUSH, true));
  }

  @Test
  void receiveTrigger_withoutPipelines_isRejected() {
    fixture
        .givenNoPriorActivity()
        .when(new ReceiveTrigger(RUN, PUSH, "d", "g", List.of(), true, T0))
        .expectException(IllegalArgumentException.class);
  }

  @Test
  void startRun_startsAPendingRunOnce() {
    fixture
        .given(received(PUSH, false))
        .when(new StartRun(RUN, t(5)))
        .expectEvents(new RunStarted(RUN, t(5)));
    fixture.given(received(PUSH, true)).when(new StartRun(RUN, t(5))).expectNoEvents();
  }

  @Test
  void recordMatrix_forAnUnknownPipeline_isRefused() {
    MatrixFiltered p = twoLegPlan();
    fixture
        .given(received(PUSH, true))
        .when(
            new RecordMatrix(
                RUN,
                "root-image",
                false,
                "",
                p.legs(),
                p.mergeGroups(),
                List.of(),
                List.of(),
                t(1)))
        .expectException(RunRefusedException.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("root-image"));
  }

  @Test
  void recordMatrix_twiceTheSame_isIdempotent_butADifferentPlanIsRefused() {
    MatrixFiltered p = twoLegPlan();
    fixture
        .given(received(PUSH, true), p)
        .when(
            new RecordMatrix(
                RUN,
                "backend",
                false,
                "",
                p.legs(),
                p.mergeGroups(),
                List.of("vllm"),
                List.of(),
                t(2)))
        .expectNoEvents();
    fixture
        .given(received(PUSH, true), p)
        .when(
            new RecordMatrix(
                RUN,
                "backend",
                false,
                "",
                p.legs().subList(0, 1),
                List.of(),
                List.of(),
                List.of(),
                t(2)))
        .expectException(RunRefusedException.class);
  }

  @Test
  void emptyPlan_completesTheRunAtOnce() {
    fixture
        .given(received(PUSH, true))
        .when(
            new RecordMatrix(
                RUN, "backend", false, "", List.of(), List.of(), List.of(), List.of(), t(1)))
        .expectEvents(
            new MatrixFiltered(
                RUN, "backend", false, "", List.of(), List.of(), List.of(), List.of(), t(1)),
            new RunCompleted(RUN, RunOutcome.SUCCEEDED, t(1)));
  }

  @Test
  void planningFailure_endsTheRunFailed() {
    fixture
        .given(received(PUSH, true))
        .when(new RecordPlanningFailure(RUN, "backend", "matrix file missing at 82c191a", t(1)))
        .expectEvents(
            new dev.strata.domain.run.api.MatrixPlanningFailed(
                RUN, "backend", "matrix file missing at 82c191a", t(1)),
            new RunCompleted(RUN, RunOutcome.FAILED, t(1)));
  }

  @Test
  void claim_grantsALeaseToTheFirstAgent() {
    fixture
        .given(received(PUSH, true), twoLegPlan())
        .when(claim(AMD64, AGENT_A, 10))
        .expectEvents(claimed(AMD64, AGENT_A, 10, 1))
        .expectResultMessagePayload(ClaimOutcome.granted(t(610), 1));
  }

  @Test
  void secondClaimOfAHeldLeg_isRecordedAsRejected() {
    fixture
        .given(received(PUSH, true), twoLegPlan(), claimed(AMD64, AGENT_A, 10, 1))
        .when(claim(AMD64, AGENT_B, 20))
        .expectEvents(
            new LegClaimRejected(
                RUN,
                AMD64,
                AGENT_B,
                "the leg is held by agent agent-a until " + t(610),
                AGENT_A,
                t(20)))
        .expectResultMessagePayload(
            ClaimOutcome.refused("the leg is held by agent agent-a until " + t(610)));
  }

  @Test
  void claimAfterLeaseRanOut_expiresTheOldLeaseThenGrants() {
    fixture
        .given(received(PUSH, true), twoLegPlan(), claimed(AMD64, AGENT_A, 10, 1))
        .when(claim(AMD64, AGENT_B, 700))
        .expectEvents(
            new LegLeaseExpired(
                RUN, AMD64, AGENT_A, "lease ran out at " + t(610) + " without a heartbeat", t(700)),
            claimed(AMD64, AGENT_B, 700, 2));
  }

  @Test
  void claimOfAPendingRun_isRejected() {
    fixture
        .given(received(PUSH, false), twoLegPlan())
        .when(claim(AMD64, AGENT_A, 10))
        .expectEvents(
            new LegClaimRejected(
                RUN,
                AMD64,
                AGENT_A,
                "the run is pending behind a running run of its concurrency group",
                null,
                t(10)));
  }

  @Test
  void claimOfABuiltLeg_isRejected() {
    fixture
        .given(
            received(PUSH, true),
            twoLegPlan(),
            claimed(AMD64, AGENT_A, 10, 1),
            pushed(AMD64, AGENT_A, D1, 50))
        .when(claim(AMD64, AGENT_B, 60))
        .expectEvents(
            new LegClaimRejected(
                RUN, AMD64, AGENT_B, "the leg has already been built", null, t(60)));
  }

  @Test
  void claimOfAnUnknownLeg_isRefused() {
    fixture
        .given(received(PUSH, true), twoLegPlan())
        .when(claim(LegId.of("-cpu-nope@amd64"), AGENT_A, 10))
        .expectException(RunRefusedException.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("has no such leg"));
  }

  @Test
  void digestForAnUnknownLeg_isRefused() {
    fixture
        .given(received(PUSH, true), twoLegPlan())
        .when(digest(LegId.of("-cpu-other@amd64"), AGENT_A, D1, 10))
        .expectException(RunRefusedException.class)
        .expectNoEvents();
  }

  @Test
  void digestFromTheHolder_isRecorded_andTheSameDigestAgainIsIdempotent() {
    fixture
        .given(received(PUSH, true), twoLegPlan(), claimed(AMD64, AGENT_A, 10, 1))
        .when(digest(AMD64, AGENT_A, D1, 50))
        .expectEvents(pushed(AMD64, AGENT_A, D1, 50));
    fixture
        .given(
            received(PUSH, true),
            twoLegPlan(),
            claimed(AMD64, AGENT_A, 10, 1),
            pushed(AMD64, AGENT_A, D1, 50))
        .when(digest(AMD64, AGENT_A, D1, 51))
        .expectSuccessfulHandlerExecution()
        .expectNoEvents();
  }

  @Test
  void aSecondDifferentDigest_isRefused() {
    fixture
        .given(
            received(PUSH, true),
            twoLegPlan(),
            claimed(AMD64, AGENT_A, 10, 1),
            pushed(AMD64, AGENT_A, D1, 50))
        .when(digest(AMD64, AGENT_A, D2, 51))
        .expectException(RunRefusedException.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString(D1.value()));
  }

  @Test
  void digestFromAnAgentThatDoesNotHoldTheLeg_isRefused() {
    fixture
        .given(received(PUSH, true), twoLegPlan(), claimed(AMD64, AGENT_A, 10, 1))
        .when(digest(AMD64, AGENT_B, D1, 50))
        .expectException(RunRefusedException.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("held by agent agent-a"));
  }

  @Test
  void staleAgentAfterAnotherTookOver_isRefused_soOnlyOneDigestIsRecorded() {
    fixture
        .given(
            received(PUSH, true),
            twoLegPlan(),
            claimed(AMD64, AGENT_A, 10, 1),
            new LegLeaseExpired(RUN, AMD64, AGENT_A, "expired", t(700)),
            claimed(AMD64, AGENT_B, 700, 2))
        .when(digest(AMD64, AGENT_A, D1, 720))
        .expectException(RunRefusedException.class);
  }

  @Test
  void expireLease_onlyWhenItRanOut() {
    fixture
        .given(received(PUSH, true), twoLegPlan(), claimed(AMD64, AGENT_A, 10, 1))
        .when(new ExpireLease(RUN, AMD64, "no heartbeat", t(100)))
        .expectNoEvents()
        .expectResultMessagePayload(false);
    fixture
        .given(received(PUSH, true), twoLegPlan(), claimed(AMD64, AGENT_A, 10, 1))
        .when(new ExpireLease(RUN, AMD64, "no heartbeat for 600 s", t(611)))
        .expectEvents(new LegLeaseExpired(RUN, AMD64, AGENT_A, "no heartbeat for 600 s", t(611)))
        .expectResultMessagePayload(true);
  }

  @Test
  void release_makesTheLegClaimableAgain() {
    fixture
        .given(received(PUSH, true), twoLegPlan(), claimed(AMD64, AGENT_A, 10, 1))
        .when(new ReleaseLeg(RUN, AMD64, AGENT_A, "SIGTERM", t(20)))
        .expectEvents(
            new dev.strata.domain.run.api.LegReleased(RUN, AMD64, AGENT_A, "SIGTERM", t(20)));
    fixture
        .given(
            received(PUSH, true),
            twoLegPlan(),
            claimed(AMD64, AGENT_A, 10, 1),
            new dev.strata.domain.run.api.LegReleased(RUN, AMD64, AGENT_A, "SIGTERM", t(20)))
        .when(claim(AMD64, AGENT_B, 30))
        .expectEvents(claimed(AMD64, AGENT_B, 30, 2));
  }

  @Test
  void failure_isRecordedOnce() {
    LegFailed failed =
        new LegFailed(
            RUN, AMD64, AGENT_A, "RUN make", "exit 2", List.of("make: *** Error 2"), t(40));
    fixture
        .given(received(PUSH, true), twoLegPlan(), claimed(AMD64, AGENT_A, 10, 1))
        .when(
            new RecordLegFailure(
                RUN, AMD64, AGENT_A, "RUN make", "exit 2", List.of("make: *** Error 2"), t(40)))
        .expectEvents(failed);
    fixture
        .given(received(PUSH, true), twoLegPlan(), claimed(AMD64, AGENT_A, 10, 1), failed)
        .when(new RecordLegFailure(RUN, AMD64, AGENT_A, "RUN make", "exit 2", List.of(), t(41)))
        .expectNoEvents();
  }

  @Test
  void failureOfABuiltLeg_isRefused() {
    fixture
        .given(
            received(PUSH, true),
            twoLegPlan(),
            claimed(AMD64, AGENT_A, 10, 1),
            pushed(AMD64, AGENT_A, D1, 50))
        .when(new RecordLegFailure(RUN, AMD64, AGENT_A, "push", "late", List.of(), t(60)))
        .expectException(RunRefusedException.class);
  }

  @Test
  void anythingAfterCancellation_isRefused() {
    RunCancelled cancelled = new RunCancelled(RUN, "superseded by run run2", "run:run2", t(5));
    fixture
        .given(received(PUSH, true), twoLegPlan(), cancelled)
        .when(claim(AMD64, AGENT_A, 10))
        .expectException(RunRefusedException.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("was cancelled"));
    fixture
        .given(received(PUSH, true), twoLegPlan(), claimed(AMD64, AGENT_A, 1, 1), cancelled)
        .when(digest(AMD64, AGENT_A, D1, 10))
        .expectException(RunRefusedException.class);
    fixture
        .given(received(PUSH, true), twoLegPlan(), cancelled)
        .when(new DeferMerge(RUN, SFX, "x", List.of(), t(10)))
        .expectException(RunRefusedException.class);
    fixture
        .given(received(PUSH, true), cancelled)
        .when(new StartRun(RUN, t(10)))
        .expectException(RunRefusedException.class);
  }

  @Test
  void cancel_isIdempotent_andRefusedAfterCompletion() {
    fixture
        .given(received(PUSH, true), new RunCancelled(RUN, "r", "user:admin", t(5)))
        .when(new CancelRun(RUN, "again", "user:admin", t(6)))
        .expectNoEvents();
    fixture
        .given(
            received(PUSH, true),
            new MatrixFiltered(
                RUN, "backend", false, "", List.of(), List.of(), List.of(), List.of(), t(1)),
            new RunCompleted(RUN, RunOutcome.SUCCEEDED, t(1)))
        .when(new CancelRun(RUN, "late", "user:admin", t(6)))
        .expectException(RunRefusedException.class);
  }

  @Test
  void mergeOfBothLegs_completesTheRun() {
    fixture
        .given(
            received(PUSH, true),
            twoLegPlan(),
            claimed(AMD64, AGENT_A, 10, 1),
            claimed(ARM64, AGENT_B, 10, 1),
            pushed(AMD64, AGENT_A, D1, 50),
            pushed(ARM64, AGENT_B, D2, 60))
        .when(
            new RecordManifestMerge(
                RUN,
                SFX,
                List.of(index()),
                List.of(new MergeSource(AMD64, D1, RUN), new MergeSource(ARM64, D2, RUN)),
                t(70)))
        .expectEvents(
            new ManifestMerged(
                RUN,
                SFX,
                List.of(index()),
                List.of(new MergeSource(AMD64, D1, RUN), new MergeSource(ARM64, D2, RUN)),
                t(70)),
            new RunCompleted(RUN, RunOutcome.SUCCEEDED, t(70)));
  }

  @Test
  void aSecondDifferentIndex_isRefused_butTheSameIsIdempotent() {
    ManifestMerged merged = new ManifestMerged(RUN, SFX, List.of(index()), List.of(), t(70));
    fixture
        .given(received(PUSH, true), twoLegPlan(), merged)
        .when(new RecordManifestMerge(RUN, SFX, List.of(index()), List.of(), t(71)))
        .expectNoEvents();
    PublishedIndex other =
        new PublishedIndex(
            ImageRef.parse("quay.io/go-skynet/local-ai-backends"),
            Digest.of("sha256:" + "d".repeat(64)),
            List.of("master-cpu-vllm"),
            List.of("linux/amd64"));
    fixture
        .given(received(PUSH, true), twoLegPlan(), merged)
        .when(new RecordManifestMerge(RUN, SFX, List.of(other), List.of(), t(71)))
        .expectException(RunRefusedException.class);
  }

  @Test
  void mergeOfAnUnknownGroup_isRefused() {
    fixture
        .given(received(PUSH, true), twoLegPlan())
        .when(
            new RecordManifestMerge(
                RUN, TagSuffix.of("-cpu-other"), List.of(index()), List.of(), t(70)))
        .expectException(RunRefusedException.class);
  }

  @Test
  void deferredMerge_afterAFailedLeg_endsTheRunFailed() {
    fixture
        .given(
            received(PUSH, true),
            twoLegPlan(),
            claimed(AMD64, AGENT_A, 10, 1),
            claimed(ARM64, AGENT_B, 10, 1),
            pushed(AMD64, AGENT_A, D1, 50),
            new LegFailed(RUN, ARM64, AGENT_B, "RUN make", "exit 2", List.of(), t(60)))
        .when(new DeferMerge(RUN, SFX, "leg -cpu-vllm@arm64 failed", List.of(ARM64), t(61)))
        .expectEvents(
            new MergeDeferred(RUN, SFX, "leg -cpu-vllm@arm64 failed", List.of(ARM64), t(61)),
            new RunCompleted(RUN, RunOutcome.FAILED, t(61)));
  }

  @Test
  void deferAfterMerge_isRefused() {
    fixture
        .given(
            received(PUSH, true),
            twoLegPlan(),
            new ManifestMerged(RUN, SFX, List.of(index()), List.of(), t(70)))
        .when(new DeferMerge(RUN, SFX, "late", List.of(), t(71)))
        .expectException(RunRefusedException.class);
  }

  @Test
  void pullRequestRun_completesWithoutMerges() {
    TriggerReceived pr = received(PR, true);
    LegVerified verified =
        new LegVerified(
            RUN, AMD64, AGENT_A, List.of(), List.of(), List.of(), steps(), inputs(), t(50));
    fixture
        .given(
            pr,
            twoLegPlan(),
            claimed(AMD64, AGENT_A, 10, 1),
            claimed(ARM64, AGENT_B, 10, 1),
            verified)
        .when(
            new RecordLegVerified(
                RUN, ARM64, AGENT_B, List.of(), List.of(), List.of(), steps(), inputs(), t(60)))
        .expectEvents(
            new LegVerified(
                RUN, ARM64, AGENT_B, List.of(), List.of(), List.of(), steps(), inputs(), t(60)),
            new RunCompleted(RUN, RunOutcome.SUCCEEDED, t(60)));
  }

  @Test
  void claimOutcome_reportsTheRefusalReason() {
    ClaimOutcome refused = ClaimOutcome.refused("held");
    assertThat(refused.granted()).isFalse();
    assertThat(refused.reason()).isEqualTo("held");
    assertThat(ClaimOutcome.granted(Instant.EPOCH, 1).granted()).isTrue();
  }
}
