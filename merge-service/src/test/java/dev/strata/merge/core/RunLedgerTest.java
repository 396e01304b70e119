package dev.strata.merge.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.ManifestMerged;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunLedgerTest {
  private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");
  private static final Repository REPO = Repository.parse("mudler/LocalAI");
  private static final CommitSha SHA = CommitSha.parse("82c191afadf5f005281e798ccfa0ffd0d5805030");
  private static final TagSuffix SFX = TagSuffix.of("-cpu-vllm");
  private static final LegId AMD = LegId.linux(LegKey.of("-cpu-vllm", "amd64"));
  private static final LegId ARM = LegId.linux(LegKey.of("-cpu-vllm", "arm64"));
  private static final Digest D1 = new Digest("sha256:" + "1".repeat(64));
  private static final Digest D2 = new Digest("sha256:" + "2".repeat(64));

  private final RunLedger ledger = new RunLedger();

  private void run(String id, Trigger trigger, List<LegId> selected) {
    RunId run = RunId.of(id);
    ledger.apply(new TriggerReceived(run, trigger, "d", "g", List.of("backend"), true, T));
    ledger.apply(
        new MatrixFiltered(
            run,
            "backend",
            false,
            "",
            List.of(),
            List.of(new MergeGroup(SFX, "auto", selected, List.of(AMD, ARM))),
            List.of(),
            List.of(),
            T));
  }

  private void push(String id, LegId leg, Digest digest) {
    ledger.apply(
        new ArchDigestPushed(
            RunId.of(id),
            leg,
            AgentId.of("a"),
            digest,
            List.of(ImageRef.of("quay.io/go-skynet/local-ai-backends")),
            null,
            List.of(),
            List.of(),
            false,
            StepStats.empty(),
            new BuildInputs(List.of(), "b", "", "d", "c", "x", "", -1),
            T));
  }

  private GroupFacts facts(String id) {
    return ledger.view(RunId.of(id), SFX).orElseThrow().facts();
  }

  private static Trigger master() {
    return Trigger.push(REPO, "master", SHA, SHA, false);
  }

  @Test
  void previousDigests_comeFromEarlierRunsOnTheSameRefOnly() {
    run("a", master(), List.of(AMD, ARM));
    push("a", ARM, D1);
    run("b", Trigger.push(REPO, "dev", SHA, SHA, false), List.of(AMD));
    run("c", master(), List.of(AMD));

    assertThat(facts("b").previous()).isEmpty();
    assertThat(facts("c").previous()).containsEntry(ARM, new MergeSource(ARM, D1, RunId.of("a")));
  }

  @Test
  void pullRequestDigests_neverFillInForOtherRuns() {
    Trigger pr = Trigger.pullRequest(REPO, 7, SHA, SHA, null, false);
    run("p", pr, List.of(AMD, ARM));
    push("p", ARM, D1);
    run("c", master(), List.of(AMD));

    assertThat(facts("c").previous()).isEmpty();
    assertThat(facts("p").pullRequest()).isTrue();
  }

  @Test
  void theLatestPushOfALeg_winsOverEarlierOnes() {
    run("a", master(), List.of(AMD, ARM));
    push("a", ARM, D1);
    run("b", master(), List.of(ARM));
    push("b", ARM, D2);
    run("c", master(), List.of(AMD));

    assertThat(facts("c").previous().get(ARM).digest()).isEqualTo(D2);
  }

  @Test
  void aGroupMergedByALaterRunOnTheSameRef_supersedesAnOpenOne() {
    run("a", master(), List.of(AMD, ARM));
    run("b", master(), List.of(AMD, ARM));
    ledger.apply(new ManifestMerged(RunId.of("b"), SFX, List.of(), List.of(), T));

    assertThat(facts("a").supersededBy()).isEqualTo(RunId.of("b"));
    assertThat(facts("b").supersededBy()).isNull();
    assertThat(facts("b").merged()).isTrue();
  }

  @Test
  void anchorsOfUnmergedGroups_stayOpen() {
    run("a", master(), List.of(AMD, ARM));
    push("a", AMD, D1);
    run("b", master(), List.of(AMD, ARM));
    push("b", AMD, D1);

    assertThat(ledger.openAnchorsOf(D1, RunId.of("a")))
        .extracting(LegDigest::runId)
        .containsExactly(RunId.of("b"));
    ledger.apply(new ManifestMerged(RunId.of("b"), SFX, List.of(), List.of(), T));
    assertThat(ledger.openAnchorsOf(D1, RunId.of("a"))).isEmpty();
  }
}
