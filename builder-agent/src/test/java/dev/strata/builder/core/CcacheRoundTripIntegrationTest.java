package dev.strata.builder.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.builder.boot.BasesCommand;
import dev.strata.builder.port.BuildListener;
import dev.strata.builder.testing.Engine;
import dev.strata.builder.testing.FixtureRepo;
import dev.strata.builder.testing.Legs;
import dev.strata.builder.testing.LocalServices;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.model.BuildPlan;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.RunId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * ccache that survives (DOMAIN.md 15.7): the compile step's cache mount is saved to the registry
 * after a build and restored before the next, on an engine whose cache mounts were pruned in
 * between, as a fresh CI runner's are.
 */
class CcacheRoundTripIntegrationTest {
  private final String ns = LocalServices.namespace();
  private Path tmp;
  private FixtureRepo repo;
  private Engine engine;

  @BeforeEach
  void setUp() throws Exception {
    LocalServices.ensureBaseImage();
    tmp = Files.createTempDirectory("strata-ccache-it-");
    repo = FixtureRepo.create(tmp.resolve("repo"));
    engine = new Engine(tmp.resolve("work"));
    Path profile = tmp.resolve("profile.yml");
    Files.writeString(profile, Legs.profileYaml(ns));
    int exit =
        new CommandLine(new BasesCommand())
            .execute(
                "build",
                "--profile",
                profile.toString(),
                "--repo",
                repo.dir().toString(),
                "--driver",
                "engine",
                "--workdir",
                tmp.resolve("bases").toString());
    assertThat(exit).isZero();
  }

  @AfterEach
  void tearDown() {
    repo.close();
    LocalServices.deleteTree(tmp);
  }

  @Test
  void aChangedFile_hitsTheCacheRestoredFromTheRegistry_onAnEngineThatNeverSawTheMount()
      throws Exception {
    LocalServices.pruneCacheMounts();
    // a salt in the compiled directory: the compile step runs even on an engine that built the
    // fixture before (its layer cache would otherwise serve it without running ccache)
    CommitSha first = repo.commit("salt", Map.of("backend/cpp/llama-cpp/salt.txt", ns));
    LegBuild cold = engine.legs.build(plan(first), repo.dir(), "", BuildListener.none());
    assertThat(cold.inputs().ccacheMountId()).isEqualTo("llama-cpp-ccache-amd64-");
    assertThat(cold.inputs().ccacheHits()).as("nothing to hit yet").isZero();
    assertThat(engine.registry.resolve(ImageRef.parse(ns + "/cache:llama-cpp-ccache-amd64-")))
        .as("the mount was saved as an artifact tagged by its id")
        .isPresent();

    CommitSha second =
        repo.commit(
            "change one file", Map.of("backend/cpp/llama-cpp/unit1.c", FixtureRepo.cFile(1, 7)));
    LocalServices.pruneCacheMounts();
    LegBuild warm = engine.legs.build(plan(second), repo.dir(), "", BuildListener.none());

    assertThat(warm.inputs().ccacheHits())
        .as("unit2..4 and main.c come from the restored cache")
        .isEqualTo(4);
  }

  @Test
  void aMountThatStillHoldsTheSavedArtifact_isNotRestoredAgain_untilTheEnginePrunesIt()
      throws Exception {
    LocalServices.pruneCacheMounts();
    CommitSha sha = repo.commit("salt", Map.of("backend/cpp/llama-cpp/salt.txt", ns + "-skip"));
    engine.legs.build(plan(sha), repo.dir(), "", BuildListener.none());

    int before = engine.runner.history().size();
    List<String> lines = new CopyOnWriteArrayList<>();
    engine.legs.build(plan(sha), repo.dir(), "", lines::add);
    assertThat(lines).anyMatch(l -> l.contains("restore skipped"));
    assertThat(engine.buildsSince(before))
        .as("the leg's build only, no restore build")
        .isEqualTo(1);

    LocalServices.pruneCacheMounts();
    before = engine.runner.history().size();
    lines.clear();
    engine.legs.build(plan(sha), repo.dir(), "", lines::add);
    assertThat(lines).anyMatch(l -> l.startsWith("strata: restored cache mount"));
    assertThat(engine.buildsSince(before)).as("restore build, then the leg's").isEqualTo(2);
  }

  private BuildPlan plan(CommitSha sha) {
    return Legs.plan(ns, RunId.of("c1"), Legs.push(sha), Legs.llamaCpp(ns), Legs.WEEK_48);
  }
}
