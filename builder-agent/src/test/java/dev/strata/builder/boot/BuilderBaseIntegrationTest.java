package dev.strata.builder.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.builder.core.LegBuild;
import dev.strata.builder.core.LegBuilder;
import dev.strata.builder.port.BuildException;
import dev.strata.builder.port.BuildListener;
import dev.strata.builder.testing.Engine;
import dev.strata.builder.testing.FixtureRepo;
import dev.strata.builder.testing.Legs;
import dev.strata.builder.testing.LocalServices;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.model.BuildPlan;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.RunId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The bootstrap-order rule (DOMAIN.md 6.4) against the real registry and engine. */
class BuilderBaseIntegrationTest {
  private final String ns = LocalServices.namespace();
  private Path tmp;
  private FixtureRepo repo;
  private Engine engine;

  @BeforeEach
  void setUp() throws Exception {
    LocalServices.ensureBaseImage();
    tmp = Files.createTempDirectory("strata-bases-it-");
    repo = FixtureRepo.create(tmp.resolve("repo"));
    engine = new Engine(tmp.resolve("work"));
  }

  @AfterEach
  void tearDown() {
    repo.close();
    LocalServices.deleteTree(tmp);
  }

  @Test
  void aMissingBase_failsTheLegAtOnce_andPassesAfterBasesBuild() throws Exception {
    CommitSha head = repo.commit("salt", java.util.Map.of("salt.txt", ns));
    BuildPlan plan =
        Legs.plan(ns, RunId.of("b1"), Legs.push(head), Legs.llamaCpp(ns), Legs.WEEK_48);
    int before = engine.runner.history().size();

    assertThatThrownBy(() -> engine.legs.build(plan, repo.dir(), "", BuildListener.none()))
        .isInstanceOfSatisfying(
            BuildException.class,
            e -> {
              assertThat(e.failedStep()).isEqualTo(LegBuilder.BASE_CHECK);
              assertThat(e.reason())
                  .isEqualTo(
                      "base image "
                          + ns
                          + "/cache:base-grpc-amd64 not found in the registry; build the bases"
                          + " first (strata bases build)");
            });
    assertThat(engine.buildsSince(before)).as("no build ran").isZero();

    Path profile = tmp.resolve("profile.yml");
    Files.writeString(profile, Legs.profileYaml(ns));
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new BasesCommand());
    cli.setOut(new PrintWriter(out));
    int exit =
        cli.execute(
            "build",
            "--profile",
            profile.toString(),
            "--only",
            "base-grpc-amd64",
            "--repo",
            repo.dir().toString(),
            "--driver",
            "engine",
            "--workdir",
            tmp.resolve("bases").toString());

    assertThat(exit).as(out.toString()).isZero();
    assertThat(out.toString()).contains("built " + ns + "/cache:base-grpc-amd64@sha256:");
    assertThat(engine.registry.tags(ImageRef.parse(ns + "/cache")))
        .contains("base-grpc-amd64", "cache-base-grpc-amd64");

    LegBuild built = engine.legs.build(plan, repo.dir(), "", BuildListener.none());

    assertThat(built.outcome().digest()).isPresent();
    assertThat(built.inputs().builderBaseImage()).isEqualTo(ns + "/cache:base-grpc-amd64");
    assertThat(built.inputs().buildArg("BUILDER_TARGET")).isEqualTo("builder-prebuilt");
  }
}
