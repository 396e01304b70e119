package dev.strata.builder.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.builder.adapter.jgit.JGitCheckout;
import dev.strata.builder.testing.Engine;
import dev.strata.builder.testing.FixtureRepo;
import dev.strata.builder.testing.Legs;
import dev.strata.builder.testing.LocalServices;
import dev.strata.builder.testing.StandInGateway;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.runtime.agent.GatewayClient;
import dev.strata.runtime.serialization.StrataSerializers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agent loop against a stand-in gateway, the real engine and the real registry. */
class BuilderAgentIntegrationTest {
  private final String ns = LocalServices.namespace();
  private Path tmp;
  private FixtureRepo repo;
  private StandInGateway gateway;
  private final List<LegTimings> timings = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    LocalServices.ensureBaseImage();
    tmp = Files.createTempDirectory("strata-agent-it-");
    repo = FixtureRepo.create(tmp.resolve("repo"));
    gateway = new StandInGateway();
  }

  @AfterEach
  void tearDown() {
    gateway.close();
    repo.close();
    LocalServices.deleteTree(tmp);
  }

  private BuilderAgent agent(String name, Duration drain) {
    Engine engine = new Engine(tmp.resolve(name + "-tmp"));
    return new BuilderAgent(
        new GatewayClient(gateway.uri(), "t0ken", StrataSerializers.objectMapper()),
        new JGitCheckout(tmp.resolve(name + "-checkouts"), r -> repo.dir().toString()),
        engine.legs,
        Legs.profile(ns),
        Optional.of(Legs.rootImage(ns)),
        Clock.systemUTC(),
        new BuilderAgent.Settings(
            name, List.of(RunnerClass.of("ubuntu-latest")), 1, drain, Duration.ofMillis(300)),
        timings::add);
  }

  // DOMAIN.md 4.8: ./Dockerfile in ., root build-args, root repositories, -core only in the anchor
  @Test
  void aRootImageLeg_buildsTheRootDockerfile_andPushesByDigestToTheRootRepositories()
      throws Exception {
    CommitSha sha = repo.commit("salt", Map.of("salt.txt", ns));
    String leg = gateway.offer("run9", Legs.coreAmd64(), Legs.push(sha), "root-image");
    BuilderAgent agent = agent("root", Duration.ofSeconds(30));
    agent.start();
    try {
      StandInGateway.Report report = gateway.awaitReport(leg, Duration.ofMinutes(3));

      assertThat(report.kind()).as(report.body().toString()).isEqualTo("result");
      JsonNode r = report.body();
      Digest digest = Digest.of(r.get("digest").asText());
      Engine engine = new Engine(tmp.resolve("check-root"));
      for (String repo : List.of("/local-ai", "/localai")) {
        assertThat(engine.registry.resolve(ImageRef.parse(ns + repo).withDigest(digest)))
            .contains(digest);
      }
      assertThat(r.get("anchor").asText()).isEqualTo(ns + "/cache:keepalive-run9-core-amd64");
      assertThat(r.toString())
          .contains(ns + "/cache:cache-localai-amd64")
          .contains("MAKEFLAGS")
          .doesNotContain("DEPS_REFRESH");
      assertThat(engine.registry.resolve(ImageRef.parse(ns + "/cache:cache-localai-amd64")))
          .as("the inline cache was written under the root cache ref")
          .isPresent();
    } finally {
      agent.stop();
    }
  }

  @Test
  void aClaimedLeg_isCheckedOutBuiltAndReportedWithItsDigestCachesAndSteps() throws Exception {
    CommitSha sha = repo.commit("salt", Map.of("backend/python/tinypy/salt.txt", ns));
    String leg = gateway.offer("run1", Legs.tinypy(), Legs.push(sha));
    BuilderAgent agent = agent("a", Duration.ofSeconds(30));
    agent.start();
    try {
      StandInGateway.Report report = gateway.awaitReport(leg, Duration.ofMinutes(3));

      assertThat(report.kind()).as(report.body().toString()).isEqualTo("result");
      JsonNode r = report.body();
      Digest digest = Digest.of(r.get("digest").asText());
      Engine engine = new Engine(tmp.resolve("check"));
      assertThat(engine.registry.resolve(ImageRef.parse(ns + "/backends-b").withDigest(digest)))
          .contains(digest);
      assertThat(r.get("anchor").asText()).isEqualTo(ns + "/cache:keepalive-run1-cpu-tinypy-amd64");
      assertThat(r.get("provenance").asBoolean()).isFalse();
      assertThat(r.get("steps")).isNotEmpty();
      assertThat(r.at("/inputs/contextDigest").asText()).startsWith("git-tree:");
      assertThat(r.at("/inputs/buildArgs/10/name").asText()).isEqualTo("DEPS_REFRESH");
      assertThat(gateway.progressLines.get(leg)).anyMatch(l -> l.contains("sh build.sh"));
      assertThat(gateway.steps.get(leg)).isNotEmpty();
      agent.stop(); // the worker records its timings after the report
      assertThat(timings)
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.phases())
                    .containsKeys("checkout", "plan", "engine build", "push", "report");
                assertThat(t.overhead()).isLessThan(t.total());
              });
    } finally {
      agent.stop();
    }
  }

  @Test
  void aFailingLeg_isReportedWithTheFailingStepAndTheLast50Lines() throws Exception {
    CommitSha sha =
        repo.commit(
            "break",
            Map.of(
                "backend/python/tinypy/build.sh",
                "echo " + ns + "\nfor i in $(seq 1 70); do echo \"noise $i\"; done\nexit 4\n"));
    String leg = gateway.offer("run2", Legs.tinypy(), Legs.push(sha));
    BuilderAgent agent = agent("a", Duration.ofSeconds(30));
    agent.start();
    try {
      StandInGateway.Report report = gateway.awaitReport(leg, Duration.ofMinutes(3));

      assertThat(report.kind()).isEqualTo("failure");
      assertThat(report.body().get("failedStep").asText())
          .isEqualTo("[builder 5/5] RUN cd /tinypy && sh build.sh");
      assertThat(report.body().get("reason").asText()).contains("exit code: 4");
      assertThat(report.body().get("lastLogLines")).hasSize(50);
    } finally {
      agent.stop();
    }
  }

  @Test
  void anAgentTheGatewayForgot_registersAgainAndBuilds() throws Exception {
    CommitSha sha = repo.commit("salt", Map.of("backend/python/tinypy/salt.txt", ns + "-again"));
    BuilderAgent agent = agent("a", Duration.ofSeconds(30));
    agent.start();
    try {
      gateway.forgetAgents();
      String leg = gateway.offer("run4", Legs.tinypy(), Legs.push(sha));

      StandInGateway.Report report = gateway.awaitReport(leg, Duration.ofMinutes(3));

      assertThat(report.kind()).isEqualTo("result");
      assertThat(report.agent()).isEqualTo("a2");
    } finally {
      agent.stop();
    }
  }

  // the lease side (expiry after the heartbeats stop) is the gateway's; here the agent must stop
  // its build and report nothing, and the next agent must build the leg from scratch
  @Test
  void anAgentStoppedMidBuild_reportsNothing_andAnotherAgentBuildsTheLeg() throws Exception {
    CommitSha sha =
        repo.commit(
            "slow",
            Map.of(
                "backend/python/tinypy/build.sh",
                "echo slow-start " + ns + "\nsleep 8\necho done\n"));
    String leg = gateway.offer("run3", Legs.tinypy(), Legs.push(sha));
    BuilderAgent first = agent("a", Duration.ZERO);
    first.start();
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (gateway.progressLines.getOrDefault(leg, List.of()).stream()
            .noneMatch(l -> l.contains("slow-start"))
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    long stopStart = System.nanoTime();
    first.stop();

    assertThat(Duration.ofNanos(System.nanoTime() - stopStart)).isLessThan(Duration.ofSeconds(20));
    Thread.sleep(500);
    assertThat(gateway.reports).isEmpty();

    // the lease expired: the gateway hands the leg to the next agent
    gateway.offer("run3", Legs.tinypy(), Legs.push(sha));
    BuilderAgent second = agent("b", Duration.ofSeconds(30));
    second.start();
    try {
      StandInGateway.Report report = gateway.awaitReport(leg, Duration.ofMinutes(3));
      assertThat(report.kind()).isEqualTo("result");
      assertThat(report.agent()).isEqualTo("a2");
    } finally {
      second.stop();
    }
  }
}
