package dev.strata.domain.run.model;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared test data for the BuildRun aggregate. */
final class RunFixtures {
  static final RunId RUN = RunId.of("run1");
  static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  static final Repository REPO = Repository.parse("mudler/LocalAI");
  static final CommitSha BEFORE = CommitSha.parse("1111111111111111111111111111111111111111");
  static final CommitSha AFTER = CommitSha.parse("82c191afadf5f005281e798ccfa0ffd0d5805030");
  static final Trigger PUSH = Trigger.push(REPO, "master", BEFORE, AFTER, false);
  static final Trigger PR = Trigger.pullRequest(REPO, 42, BEFORE, AFTER, null, false);
  static final LegId AMD64 = LegId.linux(LegKey.of("-cpu-vllm", "amd64"));
  static final LegId ARM64 = LegId.linux(LegKey.of("-cpu-vllm", "arm64"));
  static final AgentId AGENT_A = AgentId.of("agent-a");
  static final AgentId AGENT_B = AgentId.of("agent-b");
  static final Digest D1 = Digest.of("sha256:" + "a".repeat(64));
  static final Digest D2 = Digest.of("sha256:" + "b".repeat(64));
  static final TagSuffix SFX = TagSuffix.of("-cpu-vllm");

  private RunFixtures() {}

  static Instant t(int seconds) {
    return T0.plusSeconds(seconds);
  }

  static TriggerReceived received(Trigger trigger, boolean started) {
    return new TriggerReceived(
        RUN, trigger, "delivery-1", "ci-backends-x", List.of("backend"), started, T0);
  }

  static PlannedLeg leg(LegId id, String pt) {
    Map<String, Scalar> fields = new LinkedHashMap<>();
    fields.put("tag-suffix", Scalar.string("-cpu-vllm"));
    fields.put("platform-tag", Scalar.string(pt));
    fields.put("backend", Scalar.string("vllm"));
    return new PlannedLeg(id, RunnerClass.of("ubuntu-latest"), SFX, false, fields);
  }

  static MatrixFiltered twoLegPlan() {
    return new MatrixFiltered(
        RUN,
        "backend",
        false,
        "",
        List.of(leg(AMD64, "amd64"), leg(ARM64, "arm64")),
        List.of(new MergeGroup(SFX, "auto", List.of(AMD64, ARM64), List.of(AMD64, ARM64))),
        List.of("vllm"),
        List.of("path:backend/python/vllm/"),
        t(1));
  }

  static BuildInputs inputs() {
    return new BuildInputs(
        List.of(new BuildArg("DEPS_REFRESH", "2026-W48")),
        "ubuntu:24.04",
        "",
        "sha256:dockerfile",
        "sha256:context",
        "engine/20.10",
        "",
        -1);
  }

  static StepStats steps() {
    return new StepStats(
        List.of(
            new StepStats.BuildStep("FROM ubuntu", true, 0, null),
            new StepStats.BuildStep("RUN make", false, 1200, null)));
  }
}
