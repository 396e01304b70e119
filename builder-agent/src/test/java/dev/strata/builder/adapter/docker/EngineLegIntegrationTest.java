package dev.strata.builder.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.builder.core.LegBuild;
import dev.strata.builder.port.BuildException;
import dev.strata.builder.port.BuildListener;
import dev.strata.builder.testing.Engine;
import dev.strata.builder.testing.FixtureRepo;
import dev.strata.builder.testing.Legs;
import dev.strata.builder.testing.LocalServices;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.StepStats.BuildStep;
import dev.strata.domain.leg.model.BuildPlan;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.RunId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Python-shaped leg on the real engine and registry. The methods run in order because each builds
 * on the registry state the previous one left (a pushed cache, a built commit).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineLegIntegrationTest {
  private Path tmp;

  private final String ns = LocalServices.namespace();
  private FixtureRepo repo;
  private Engine engine;
  private CommitSha commit;

  @BeforeAll
  void setUp() throws Exception {
    LocalServices.ensureBaseImage();
    tmp = Files.createTempDirectory("strata-engine-it-");
    repo = FixtureRepo.create(tmp.resolve("repo"));
    engine = new Engine(tmp.resolve("work"));
    // unique file content per run: the first build really executes on a warm engine too
    commit = repo.commit("salt", Map.of("backend/python/tinypy/salt.txt", ns + "\n"));
  }

  @AfterAll
  void tearDown() {
    if (repo != null) {
      repo.close();
    }
    LocalServices.deleteTree(tmp);
  }

  private LegBuild build(BuildPlan plan) throws Exception {
    return engine.legs.build(plan, repo.dir(), "", BuildListener.none());
  }

  @Test
  @Order(1)
  void pushLeg_existsByDigestInBothRepositories_withNoStrayTags() throws Exception {
    RunId run = RunId.of("r1");
    BuildPlan plan = Legs.plan(ns, run, Legs.push(commit), Legs.tinypy(), Legs.WEEK_48);

    LegBuild built = build(plan);

    Digest digest = built.outcome().digest().orElseThrow();
    for (String repoName : List.of("backends-a", "backends-b")) {
      ImageRef r = ImageRef.parse(ns + "/" + repoName);
      assertThat(engine.registry.resolve(r.withDigest(digest))).contains(digest);
      assertThat(engine.registry.tags(r)).isEmpty();
    }
    ImageRef anchor = ImageRef.parse(ns + "/cache:keepalive-r1-cpu-tinypy-amd64");
    assertThat(built.outcome().anchor()).contains(anchor);
    assertThat(engine.registry.resolve(anchor)).contains(digest);
    assertThat(engine.registry.tags(ImageRef.parse(ns + "/cache")))
        .containsExactlyInAnyOrder("keepalive-r1-cpu-tinypy-amd64", "cache-cpu-tinypy-amd64");
    // the cache tag has a digest of its own: deleting the anchor by digest leaves it
    CacheRef cache = CacheRef.parse(ns + "/cache:cache-cpu-tinypy-amd64");
    assertThat(engine.registry.resolve(cache.image())).isPresent().get().isNotEqualTo(digest);
    assertThat(built.outcome().cacheWritten())
        .singleElement()
        .satisfies(w -> assertThat(w.ref()).isEqualTo(cache));
    assertThat(built.outcome().steps().executedCount()).isGreaterThan(0);
    assertThat(built.inputs().buildArg("DEPS_REFRESH")).isEqualTo("2026-W48");
    assertThat(built.inputs().dockerfileDigest()).startsWith("sha256:");
    assertThat(built.inputs().builder()).startsWith("engine docker 20.10");
  }

  @Test
  @Order(2)
  void rebuildingTheSameCommit_reportsEveryStepCached() throws Exception {
    BuildPlan plan = Legs.plan(ns, RunId.of("r2"), Legs.push(commit), Legs.tinypy(), Legs.WEEK_48);

    LegBuild built = build(plan);

    assertThat(built.outcome().steps().steps()).isNotEmpty().allMatch(BuildStep::cached);
    assertThat(built.outcome().cacheRead())
        .containsExactly(CacheRef.parse(ns + "/cache:cache-cpu-tinypy-amd64"));
  }

  @Test
  @Order(3)
  void changingOnlyDepsRefresh_rerunsExactlyTheStepsAfterTheArg() throws Exception {
    BuildPlan plan = Legs.plan(ns, RunId.of("r3"), Legs.push(commit), Legs.tinypy(), Legs.WEEK_49);

    LegBuild built = build(plan);

    assertThat(built.outcome().steps().steps())
        .filteredOn(s -> !s.cached())
        .extracting(BuildStep::name)
        .containsExactly(
            "[builder 4/5] RUN cd /tinypy && echo \"resolved 2026-W49\" > deps.lock"
                + " && cat requirements.txt >> deps.lock",
            "[builder 5/5] RUN cd /tinypy && sh build.sh",
            "[stage-1 1/1] COPY --from=builder /tinypy/ /");
  }

  @Test
  @Order(4)
  void pullRequestLeg_readsTheCache_andLeavesTheCacheRefUnchanged() throws Exception {
    CacheRef cache = CacheRef.parse(ns + "/cache:cache-cpu-tinypy-amd64");
    Digest before = engine.registry.resolve(cache.image()).orElseThrow();
    BuildPlan plan =
        Legs.plan(ns, RunId.of("r4"), Legs.pullRequest(commit, false), Legs.tinypy(), Legs.WEEK_49);

    LegBuild built = build(plan);

    assertThat(built.outcome().cacheRead()).containsExactly(cache);
    assertThat(built.outcome().cacheWritten()).isEmpty();
    assertThat(built.outcome().digest()).isEmpty();
    assertThat(engine.registry.resolve(cache.image())).contains(before);
    String prTag = "sha-" + commit.short7() + "7-tinypy---";
    assertThat(built.outcome().pushedTags())
        .containsExactly(ImageRef.parse(ns + "/ci-tests:" + prTag));
    assertThat(engine.registry.tags(ImageRef.parse(ns + "/ci-tests"))).containsExactly(prTag);
  }

  @Test
  @Order(5)
  void forkPullRequest_buildsButPushesNothing() throws Exception {
    BuildPlan plan =
        Legs.plan(ns, RunId.of("r5"), Legs.pullRequest(commit, true), Legs.tinypy(), Legs.WEEK_49);

    LegBuild built = build(plan);

    assertThat(built.outcome().pushedTags()).isEmpty();
    assertThat(engine.registry.tags(ImageRef.parse(ns + "/ci-tests"))).hasSize(1);
  }

  @Test
  @Order(6)
  void failingBuild_namesTheFailingStep_andCarriesTheLastLogLines() throws Exception {
    CommitSha broken =
        repo.commit(
            "break the build",
            Map.of(
                "backend/python/tinypy/build.sh",
                "for i in $(seq 1 80); do echo \"noise $i\"; done\n"
                    + "echo 'boom: tinypy tests failed'\nexit 3\n"));
    BuildPlan plan = Legs.plan(ns, RunId.of("r6"), Legs.push(broken), Legs.tinypy(), Legs.WEEK_49);

    assertThatThrownBy(() -> build(plan))
        .isInstanceOfSatisfying(
            BuildException.class,
            e -> {
              assertThat(e.failedStep()).isEqualTo("[builder 5/5] RUN cd /tinypy && sh build.sh");
              assertThat(e.reason()).contains("exit code: 3");
              assertThat(e.lastLogLines()).hasSize(50);
              assertThat(String.join("\n", e.lastLogLines())).contains("boom: tinypy tests failed");
            });
  }
}
