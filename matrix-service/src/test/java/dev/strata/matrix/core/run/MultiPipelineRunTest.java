package dev.strata.matrix.core.run;

import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.run.api.RunCompleted;
import dev.strata.domain.run.api.RunOutcome;
import dev.strata.domain.run.api.RunRefusedException;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.run.model.BuildRun;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.matrix.Fixtures;
import dev.strata.matrix.core.pipeline.FixedPlan;
import dev.strata.matrix.core.pipeline.FixedPlanner;
import dev.strata.matrix.core.pipeline.PipelineTrigger;
import dev.strata.matrix.core.pipeline.Pipelines;
import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.RevisionDiffs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * The run aggregate takes one plan per pipeline of a trigger: the root image's and builder bases'
 * plans, as this service records them, sit beside the backend's with unique leg ids.
 */
class MultiPipelineRunTest {
  private static final RunId RUN = RunId.of("run7");
  private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
  private static final Trigger PUSH =
      Trigger.push(
          Repository.parse("mudler/LocalAI"),
          "master",
          CommitSha.parse("a".repeat(40)),
          CommitSha.parse("b".repeat(40)),
          false);
  private static final Pipelines PIPELINES = Fixtures.localaiProfile().pipelines();

  private final AggregateTestFixture<BuildRun> fixture = new AggregateTestFixture<>(BuildRun.class);

  private static RecordMatrix fixed(String pipeline, String files) {
    FixedPlan plan =
        FixedPlanner.plan(
            PIPELINES.fixed(pipeline).orElseThrow(),
            PipelineTrigger.of(PUSH),
            RevisionDiffs.listed(new ChangedFiles.Listed(List.of(files), false)));
    return RunPlans.record(RUN, plan, AT);
  }

  private static MatrixFiltered filtered(RecordMatrix c) {
    return new MatrixFiltered(
        c.runId(),
        c.pipeline(),
        c.runAll(),
        c.runAllReason(),
        c.legs(),
        c.mergeGroups(),
        c.changedBackends(),
        c.rulesFired(),
        c.at());
  }

  private static TriggerReceived received(String... pipelines) {
    return new TriggerReceived(RUN, PUSH, "d1", "g1", List.of(pipelines), true, AT);
  }

  @Test
  void rootImagePlan_isAcceptedBesideTheBackendPlan_andTheRunWaitsForItsLegs() {
    RecordMatrix emptyBackend =
        new RecordMatrix(RUN, "backend", false, "", List.of(), List.of(), List.of(), List.of(), AT);
    RecordMatrix root = fixed("root-image", "Makefile");

    fixture
        .given(received("backend", "root-image"), filtered(emptyBackend))
        .when(root)
        .expectSuccessfulHandlerExecution()
        .expectEvents(filtered(root));
  }

  @Test
  void skippedPipelines_completeTheRunOnceEveryPipelineIsPlanned() {
    RecordMatrix bases = fixed("builder-bases", "docs/index.md");
    RecordMatrix root = fixed("root-image", "docs/index.md");

    fixture
        .given(received("root-image", "builder-bases"), filtered(root))
        .when(bases)
        .expectEvents(filtered(bases), new RunCompleted(RUN, RunOutcome.SUCCEEDED, AT));
  }

  @Test
  void aLegIdAnotherPipelineAlreadyPlanned_isRefused() {
    RecordMatrix root = fixed("root-image", "Makefile");
    List<PlannedLeg> clash = new ArrayList<>(root.legs().subList(0, 1));
    RecordMatrix other =
        new RecordMatrix(RUN, "other", true, "tag", clash, List.of(), List.of(), List.of(), AT);

    fixture
        .given(received("root-image", "other"), filtered(root))
        .when(other)
        .expectException(RunRefusedException.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("appears twice"));
  }
}
