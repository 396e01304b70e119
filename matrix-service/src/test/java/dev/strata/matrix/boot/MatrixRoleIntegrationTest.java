package dev.strata.matrix.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.run.api.CancelRun;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.MatrixPlanningFailed;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.ReceiveTrigger;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.matrix.Fixtures;
import dev.strata.matrix.core.run.MatrixProcessor;
import dev.strata.runtime.DomainModule;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.health.ProcessorHealth;
import dev.strata.runtime.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matrix role in a real runtime (embedded H2 event store, tracking processor) planning from a
 * bare mirror of a LocalAI-shaped repository this test creates, with the reference profile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatrixRoleIntegrationTest {
  private static final Repository REPO = Repository.parse("mudler/LocalAI");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private static final String MATRIX =
      """
      include:
        - build-type: ''
          platforms: 'linux/amd64'
          platform-tag: 'amd64'
          tag-latest: 'auto'
          tag-suffix: '-cpu-kokoro'
          runs-on: 'ubuntu-latest'
          skip-drivers: 'true'
          backend: "kokoro"
          dockerfile: "./backend/Dockerfile.python"
          context: "./"
        - build-type: ''
          platforms: 'linux/arm64'
          platform-tag: 'arm64'
          tag-latest: 'auto'
          tag-suffix: '-cpu-kokoro'
          runs-on: 'ubuntu-24.04-arm'
          skip-drivers: 'true'
          backend: "kokoro"
          dockerfile: "./backend/Dockerfile.python"
          context: "./"
        - build-type: ''
          platforms: 'linux/amd64'
          tag-latest: 'auto'
          tag-suffix: '-cpu-piper'
          runs-on: 'ubuntu-latest'
          backend: "piper"
          dockerfile: "./backend/Dockerfile.golang"
          context: "./"
      includeDarwin:
        - backend: "mlx"
          tag-suffix: "-metal-darwin-arm64-mlx"
          build-type: "mps"
      """;

  private Git upstream;
  private Path mirror;
  private RevCommit base;
  private StrataRuntime runtime;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    upstream = Git.init().setDirectory(dir.resolve("upstream").toFile()).call();
    write(".github/backend-matrix.yml", MATRIX);
    write("backend/backend.proto", "syntax = \"proto3\";\n");
    write("backend/python/kokoro/backend.py", "print('kokoro')\n");
    write("backend/go/piper/main.go", "package main\n");
    write("backend/python/mlx/backend.py", "print('mlx')\n");
    base = commit("initial");
    mirror = dir.resolve("mirror.git");
    Git.cloneRepository()
        .setURI(dir.resolve("upstream").toUri().toString())
        .setDirectory(mirror.toFile())
        .setMirror(true)
        .call()
        .close();
    MatrixSettings settings =
        new MatrixSettings(Fixtures.repoRoot().resolve("profiles/localai.yml"), mirror);
    runtime =
        StrataRuntime.builder(TestDatabases.h2(dir.resolve("data")))
            .install(new DomainModule())
            .install(MatrixRole.module(settings))
            .build()
            .start();
  }

  @AfterAll
  void stop() {
    if (runtime != null) {
      runtime.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  @Test
  void pushChangingOnePythonBackend_plansBothArchesOfIt_withItsMergeGroup() throws Exception {
    write("backend/python/kokoro/x.py", "x = 1\n");
    RevCommit after = commit("kokoro: x");

    RunId run =
        receive(
            Trigger.push(REPO, "master", sha(after.getParent(0)), sha(after), false), "backend");
    MatrixFiltered plan = await(run, MatrixFiltered.class);

    LegId amd = LegId.of("-cpu-kokoro@amd64");
    LegId arm = LegId.of("-cpu-kokoro@arm64");
    assertThat(plan.runAll()).isFalse();
    assertThat(plan.runAllReason()).isEmpty();
    assertThat(plan.pipeline()).isEqualTo("backend");
    assertThat(plan.legs()).extracting(PlannedLeg::legId).containsExactly(amd, arm);
    assertThat(plan.legs())
        .extracting(PlannedLeg::runnerClass)
        .containsExactly(RunnerClass.of("ubuntu-latest"), RunnerClass.of("ubuntu-24.04-arm"));
    assertThat(plan.legs()).allSatisfy(l -> assertThat(l.darwin()).isFalse());
    assertThat(plan.legs().get(1).fields().get("platforms").asString()).isEqualTo("linux/arm64");
    assertThat(plan.mergeGroups())
        .containsExactly(
            new MergeGroup(
                TagSuffix.of("-cpu-kokoro"), "auto", List.of(amd, arm), List.of(amd, arm)));
    assertThat(plan.changedBackends()).containsExactly("kokoro");
    assertThat(plan.rulesFired()).isEmpty();
  }

  @Test
  void pushWithZeroBefore_runsAll_withEveryLegAndTheReason() throws Exception {
    RunId run = receive(Trigger.push(REPO, "feature", CommitSha.ZERO, sha(base), false), "backend");
    MatrixFiltered plan = await(run, MatrixFiltered.class);

    assertThat(plan.runAll()).isTrue();
    assertThat(plan.runAllReason()).isEqualTo("zero-before");
    assertThat(plan.legs())
        .extracting(PlannedLeg::legId)
        .containsExactly(
            LegId.of("-cpu-kokoro@amd64"),
            LegId.of("-cpu-kokoro@arm64"),
            LegId.of("-cpu-piper@single"),
            LegId.darwin("mlx"));
    PlannedLeg darwin = plan.legs().get(3);
    assertThat(darwin.darwin()).isTrue();
    assertThat(darwin.runnerClass()).isEqualTo(RunnerClass.MACOS_LATEST);
    assertThat(darwin.mergeGroup()).isEqualTo(TagSuffix.of("-metal-darwin-arm64-mlx"));
    assertThat(plan.mergeGroups())
        .extracting(g -> g.tagSuffix().value())
        .containsExactly("-cpu-kokoro", "-cpu-piper");
    assertThat(plan.changedBackends()).containsExactlyInAnyOrder("kokoro", "piper", "mlx");
  }

  @Test
  void sharedInputChange_recordsTheRuleThatFired() throws Exception {
    write("scripts/build/python-darwin.sh", "#!/bin/sh\n");
    RevCommit after = commit("darwin python script");

    RunId run =
        receive(
            Trigger.push(REPO, "master", sha(after.getParent(0)), sha(after), false), "backend");
    MatrixFiltered plan = await(run, MatrixFiltered.class);

    // first matching rule per file: python-darwin (Darwin Python entries), not build-scripts
    assertThat(plan.rulesFired()).containsExactly("python-darwin");
    assertThat(plan.legs()).extracting(PlannedLeg::legId).containsExactly(LegId.darwin("mlx"));
    assertThat(plan.mergeGroups()).isEmpty();
  }

  @Test
  void commitOnlyUpstream_isFetchedIntoTheMirrorBeforePlanning() throws Exception {
    write("backend/go/piper/new.go", "package main\n");
    RevCommit after = commit("piper: new file");

    RunId run =
        receive(
            Trigger.push(REPO, "master", sha(after.getParent(0)), sha(after), false), "backend");
    MatrixFiltered plan = await(run, MatrixFiltered.class);

    assertThat(plan.legs())
        .extracting(PlannedLeg::legId)
        .containsExactly(LegId.of("-cpu-piper@single"));
    assertThat(plan.mergeGroups())
        .extracting(MergeGroup::groupLegs)
        .containsExactly(List.of(LegId.of("-cpu-piper@single")));
  }

  @Test
  void triggerAtAMissingCommit_recordsAPlanningFailureNamingIt() throws Exception {
    CommitSha missing = CommitSha.parse("ab".repeat(20));

    RunId run = receive(Trigger.push(REPO, "master", sha(base), missing, false), "backend");
    MatrixPlanningFailed failed = await(run, MatrixPlanningFailed.class);

    assertThat(failed.pipeline()).isEqualTo("backend");
    assertThat(failed.reason())
        .isEqualTo(
            "Tried to plan commit "
                + missing.value()
                + " but failed because: commit "
                + missing.value()
                + " is not in repository "
                + mirror);
    assertThat(events(run)).noneMatch(MatrixFiltered.class::isInstance);
  }

  @Test
  void pipelineTheProfileDoesNotDeclare_recordsAFailure_andTheBackendIsStillPlanned()
      throws Exception {
    RunId run =
        receive(
            Trigger.push(REPO, "feature", CommitSha.ZERO, sha(base), false),
            "backend",
            "docs-site");

    MatrixPlanningFailed failed = await(run, MatrixPlanningFailed.class);
    assertThat(failed.pipeline()).isEqualTo("docs-site");
    assertThat(failed.reason())
        .contains("does not declare it")
        .contains("backend, root-image, builder-bases");
    assertThat(await(run, MatrixFiltered.class).legs()).hasSize(4);
  }

  @Test
  void everyPipelineOfTheTrigger_isPlanned_eachRecordedWithItsGateDecision() throws Exception {
    write(".docker/install-base-deps.sh", "apt-get install -y cmake\n");
    RevCommit after = commit("bases: cmake");

    RunId run =
        receive(
            Trigger.push(REPO, "master", sha(after.getParent(0)), sha(after), false),
            "backend",
            "root-image",
            "builder-bases");
    List<MatrixFiltered> plans = awaitAll(run, MatrixFiltered.class, 3);

    assertThat(plans)
        .extracting(MatrixFiltered::pipeline)
        .containsExactlyInAnyOrder("backend", "root-image", "builder-bases");
    MatrixFiltered root = only(plans, "root-image");
    assertThat(root.runAll()).isTrue();
    assertThat(root.legs()).hasSize(10);
    assertThat(root.legs().get(0).legId()).isEqualTo(LegId.of("root:@amd64"));
    assertThat(root.mergeGroups()).hasSize(8);
    MatrixFiltered bases = only(plans, "builder-bases");
    assertThat(bases.runAllReason()).isEqualTo("matching-path");
    assertThat(bases.legs()).hasSize(10);
    assertThat(bases.rulesFired())
        .containsExactly(
            "gate matching-path: .docker/install-base-deps.sh matches .docker/install-base-deps.sh");
    assertThat(only(plans, "backend").legs()).isEmpty();
  }

  private static MatrixFiltered only(List<MatrixFiltered> plans, String pipeline) {
    return plans.stream().filter(p -> p.pipeline().equals(pipeline)).findFirst().orElseThrow();
  }

  private <T> List<T> awaitAll(RunId run, Class<T> type, int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<T> found = events(run).stream().filter(type::isInstance).map(type::cast).toList();
      if (found.size() >= count || System.nanoTime() > deadline) {
        return found;
      }
      Thread.sleep(10);
    }
  }

  @Test
  void replayingTheProcessor_leavesOnePlanPerRun_andTheProcessorHealthy() throws Exception {
    RunId planned =
        receive(Trigger.push(REPO, "feature", CommitSha.ZERO, sha(base), false), "backend");
    await(planned, MatrixFiltered.class);
    RunId cancelled = RunId.of("cancelled" + RUNS.incrementAndGet());
    runtime
        .commandGateway()
        .sendAndWait(
            new ReceiveTrigger(
                cancelled,
                Trigger.push(REPO, "other", CommitSha.ZERO, sha(base), false),
                "d-" + cancelled,
                "g-" + cancelled,
                List.of("backend"),
                true,
                T0));
    await(cancelled, MatrixFiltered.class);
    runtime.commandGateway().sendAndWait(new CancelRun(cancelled, "test", "tester", T0));

    runtime.replay(MatrixProcessor.PROCESSING_GROUP);
    assertThat(runtime.awaitProcessed(WAIT)).isTrue();

    assertThat(events(planned)).filteredOn(MatrixFiltered.class::isInstance).hasSize(1);
    assertThat(events(cancelled)).filteredOn(MatrixFiltered.class::isInstance).hasSize(1);
    ProcessorHealth matrix =
        runtime.health().processors().stream()
            .filter(p -> p.name().equals(MatrixProcessor.PROCESSING_GROUP))
            .findFirst()
            .orElseThrow();
    assertThat(matrix.error()).isEmpty();
  }

  private RunId receive(Trigger trigger, String... pipelines) {
    RunId run = RunId.of("run" + RUNS.incrementAndGet());
    runtime
        .commandGateway()
        .sendAndWait(
            new ReceiveTrigger(run, trigger, "d-" + run, "g-" + run, List.of(pipelines), true, T0));
    return run;
  }

  private <T> T await(RunId run, Class<T> type) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      for (Object e : events(run)) {
        if (type.isInstance(e)) {
          return type.cast(e);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no "
                + type.getSimpleName()
                + " in run "
                + run
                + " within "
                + WAIT
                + ": "
                + events(run));
      }
      Thread.sleep(10);
    }
  }

  private List<Object> events(RunId run) {
    return runtime
        .eventStore()
        .readEvents(run.value())
        .asStream()
        .map(m -> (Object) m.getPayload())
        .toList();
  }

  private void write(String path, String text) throws Exception {
    Path file = upstream.getRepository().getWorkTree().toPath().resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private RevCommit commit(String message) throws Exception {
    upstream.add().addFilepattern(".").call();
    return upstream.commit().setMessage(message).setSign(false).call();
  }

  private static CommitSha sha(RevCommit commit) {
    return CommitSha.parse(commit.getName());
  }
}
