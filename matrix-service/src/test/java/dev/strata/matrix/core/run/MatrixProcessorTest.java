package dev.strata.matrix.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.run.api.RecordPlanningFailure;
import dev.strata.domain.run.api.RunRefusedException;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.matrix.Fixtures;
import dev.strata.matrix.core.pipeline.FixedPlan;
import dev.strata.matrix.core.pipeline.FixedPlanner;
import dev.strata.matrix.core.pipeline.PipelineTrigger;
import dev.strata.matrix.core.pipeline.Pipelines;
import dev.strata.matrix.core.plan.PlanResult;
import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.RevisionDiffs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MatrixProcessorTest {
  private static final RunId RUN = RunId.of("run1");
  private static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");
  private static final Trigger PUSH =
      Trigger.push(
          Repository.parse("mudler/LocalAI"),
          "master",
          CommitSha.parse("a".repeat(40)),
          CommitSha.parse("b".repeat(40)),
          false);

  private final ExecutorService sender = Executors.newSingleThreadExecutor();
  private final List<Object> accepted = new CopyOnWriteArrayList<>();
  private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
  private boolean refuseAll;

  MatrixProcessorTest() {
    for (Class<?> type : List.of(RecordMatrix.class, RecordPlanningFailure.class)) {
      bus.subscribe(
          type.getName(),
          m -> {
            if (refuseAll) {
              throw new RunRefusedException("run " + RUN + " was cancelled");
            }
            accepted.add(m.getPayload());
            return null;
          });
    }
  }

  @AfterEach
  void stop() {
    sender.shutdownNow();
  }

  private void deliver(TriggerPlanner planner, String... pipelines) {
    new MatrixProcessor(
            planner,
            DefaultCommandGateway.builder().commandBus(bus).build(),
            Clock.fixed(AT, ZoneOffset.UTC),
            sender)
        .on(new TriggerReceived(RUN, PUSH, "d1", "g1", List.of(pipelines), true, AT));
  }

  @Test
  void profileError_isRecordedAsThePlanningFailure() {
    String why = "Tried to load profile p.yml but failed because: p.yml:3:1: unknown key 'pathz'";

    deliver(
        t -> {
          throw new TriggerPlanner.PlanningException(why, null);
        },
        "backend");

    assertThat(accepted).containsExactly(new RecordPlanningFailure(RUN, "backend", why, AT));
  }

  @Test
  void plannerBug_isRecordedAsAFailure_insteadOfStoppingTheProcessor() {
    deliver(
        t -> {
          throw new IllegalStateException("boom");
        },
        "backend");

    assertThat(accepted)
        .singleElement()
        .isInstanceOfSatisfying(
            RecordPlanningFailure.class,
            f ->
                assertThat(f.reason())
                    .startsWith("Tried to plan pipeline backend of run run1 but failed because:")
                    .contains("boom"));
  }

  @Test
  void failedPlan_recordsItsError() {
    deliver(
        t -> new PlanResult(1, List.of(), "Tried to read x but failed because: y", null, null),
        "backend");

    assertThat(accepted)
        .containsExactly(
            new RecordPlanningFailure(RUN, "backend", "Tried to read x but failed because: y", AT));
  }

  @Test
  void aPlannerOfOnlyTheBackendMatrix_recordsWhyItCannotPlanAnotherPipeline() {
    deliver(
        t -> {
          throw new AssertionError("must not plan the backend");
        },
        "root-image");

    assertThat(accepted)
        .singleElement()
        .isInstanceOfSatisfying(
            RecordPlanningFailure.class,
            f -> {
              assertThat(f.pipeline()).isEqualTo("root-image");
              assertThat(f.reason()).contains("plans only the backend matrix");
            });
  }

  /** A planner whose fixed pipelines come from the shipped profile, over a fixed file list. */
  private static TriggerPlanner fixedPipelines(String files) {
    Pipelines pipelines = Fixtures.localaiProfile().pipelines();
    return new TriggerPlanner() {
      @Override
      public PlanResult plan(Trigger trigger) {
        return new PlanResult(1, List.of(), "backend not under test", null, null);
      }

      @Override
      public FixedPlan planPipeline(String pipeline, Trigger trigger) {
        return FixedPlanner.plan(
            pipelines.fixed(pipeline).orElseThrow(),
            PipelineTrigger.of(trigger),
            RevisionDiffs.listed(new ChangedFiles.Listed(List.of(files.split(" ")), false)));
      }
    };
  }

  @Test
  void everyPipelineOfTheTrigger_isRecordedOnce_eachWithItsGateDecision() {
    deliver(fixedPipelines("Makefile"), "root-image", "builder-bases");

    assertThat(accepted).hasSize(2).allMatch(RecordMatrix.class::isInstance);
    RecordMatrix root = (RecordMatrix) accepted.get(0);
    RecordMatrix bases = (RecordMatrix) accepted.get(1);
    assertThat(root.pipeline()).isEqualTo("root-image");
    assertThat(root.runAll()).isTrue();
    assertThat(root.runAllReason()).isEqualTo("relevant-change");
    assertThat(root.legs()).hasSize(10);
    assertThat(root.mergeGroups()).hasSize(8);
    assertThat(root.rulesFired())
        .singleElement()
        .asString()
        .startsWith("gate relevant-change: Makefile");
    assertThat(bases.pipeline()).isEqualTo("builder-bases");
    assertThat(bases.runAll()).isFalse();
    assertThat(bases.runAllReason()).isEmpty();
    assertThat(bases.legs()).isEmpty();
    assertThat(bases.rulesFired()).singleElement().asString().startsWith("gate no-matching-path");
  }

  @Test
  void cancelledRun_refusingEverything_isSkipped() {
    refuseAll = true;

    deliver(t -> new PlanResult(1, List.of(), "no matrix", null, null), "backend");

    assertThat(accepted).isEmpty();
  }
}
