package dev.strata.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.darwin.adapter.dir.DirectoryCacheStore;
import dev.strata.darwin.boot.ControlPlaneFactory;
import dev.strata.darwin.core.DarwinAgent;
import dev.strata.darwin.port.ControlPlane;
import dev.strata.darwin.testing.DarwinFixture;
import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.model.AuditRules;
import dev.strata.domain.audit.model.Auditor;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.DarwinCacheRestored;
import dev.strata.domain.run.api.DarwinCacheSaved;
import dev.strata.domain.run.api.LegClaimed;
import dev.strata.domain.run.api.LegVerified;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.run.api.RunCompleted;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.gateway.boot.GatewayModule;
import dev.strata.gateway.boot.GatewayOptions;
import dev.strata.gateway.boot.GatewayRole;
import dev.strata.gateway.boot.RunningGateway;
import dev.strata.runtime.DomainModule;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StrataConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Darwin agent against the real gateway: the embedded platform (runtime on H2 in a temp
 * directory, gateway on a free port), the agent wired as {@code strata darwin-agent} wires it
 * ({@link ControlPlaneFactory#gateway()}), the fake brew/make/go of darwin-agent's tests and a
 * directory cache store. Every fact reaches the log through the agent API.
 */
class DarwinAgentOverGatewayIntegrationTest {
  private static final String CI = "ci-token-0123456789";
  private static final String AGENT = "agent-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private StrataRuntime runtime;
  private RunningGateway gateway;
  private URI base;
  private DarwinFixture mac;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    runtime =
        StrataRuntime.builder(StrataConfig.defaults().withDataDir(tmp.resolve("data")))
            .install(new DomainModule())
            .install(new GatewayModule())
            .build()
            .start();
    gateway =
        GatewayRole.start(
            runtime.configuration(),
            GatewayOptions.builder().port(0).token("ci", CI).token("agent", AGENT).build());
    base = URI.create("http://127.0.0.1:" + gateway.port() + "/");
    mac = new DarwinFixture(tmp.resolve("mac"), new DirectoryCacheStore(tmp.resolve("caches")));
  }

  @AfterEach
  void stop() {
    try {
      gateway.close();
    } finally {
      runtime.close();
    }
  }

  @Test
  void firstRunMissesAndSaves_secondRunHitsExactly_allRecordedThroughTheGateway() throws Exception {
    RunId first = darwinRun("push-1", "push", push('1'));
    runAgentForOneLeg();

    List<Object> events = events(first);
    assertThat(events).filteredOn(LegClaimed.class::isInstance).hasSize(1);
    assertThat(restores(events))
        .extracting(r -> r.cache() + " " + r.outcome())
        .containsExactly("go MISS", "homebrew MISS", "wheels MISS");
    assertThat(events)
        .filteredOn(DarwinCacheSaved.class::isInstance)
        .extracting(
            e -> ((DarwinCacheSaved) e).cache() + " gated=" + ((DarwinCacheSaved) e).gated())
        .containsExactly("go gated=true", "homebrew gated=true", "wheels gated=true");
    assertThat(events).filteredOn(ArchDigestPushed.class::isInstance).hasSize(1);
    JsonNode leg = legView(first);
    assertThat(leg.path("state").asText()).isEqualTo("BUILT");
    assertThat(lines(leg))
        .anyMatch(
            l -> l.matches("restore go setup-go-macOS-arm64-go-1\\.25\\.3-\\w+: miss \\(.*\\)"))
        .anyMatch(l -> l.startsWith("save wheels pyenv-darwin-vllm-2026-W45-"));
    awaitCompleted(first);

    RunId second = darwinRun("push-2", "push", push('2'));
    runAgentForOneLeg();

    List<Object> again = events(second);
    assertThat(restores(again))
        .extracting(r -> r.cache() + " " + r.outcome())
        .containsExactly("go HIT", "homebrew HIT", "wheels HIT");
    assertThat(restores(again)).allSatisfy(r -> assertThat(r.matchedKey()).isEqualTo(r.key()));
    assertThat(restores(again))
        .extracting(DarwinCacheRestored::key)
        .isEqualTo(restores(events).stream().map(DarwinCacheRestored::key).toList());
    assertThat(again).noneMatch(DarwinCacheSaved.class::isInstance);
    assertThat(again).filteredOn(ArchDigestPushed.class::isInstance).hasSize(1);
    assertThat(lines(legView(second))).anyMatch(l -> l.matches("restore wheels .*: hit, .*"));
  }

  @Test
  void pullRequestRun_restoresButNeverSaves_andIsVerifiedNotPublished() throws Exception {
    RunId warm = darwinRun("push-w", "push", push('3'));
    runAgentForOneLeg();
    awaitCompleted(warm);
    mac.write("backend/python/vllm/requirements.txt", "vllm==1.0\n");

    RunId pr = darwinRun("pr-1", "pull_request", pullRequest());
    runAgentForOneLeg();

    List<Object> events = events(pr);
    assertThat(restores(events))
        .extracting(r -> r.cache() + " " + r.outcome())
        .containsExactly("go HIT", "homebrew HIT", "wheels PARTIAL");
    assertThat(events).noneMatch(DarwinCacheSaved.class::isInstance);
    assertThat(events).filteredOn(LegVerified.class::isInstance).hasSize(1);
    assertThat(events).noneMatch(ArchDigestPushed.class::isInstance);
  }

  @Test
  void ungatedGoSaveOfAPullRequest_isRecordedThroughTheGateway_andTheAuditFlagsIt()
      throws Exception {
    mac.profile = mac.profile.withGoSaveGate(false);

    RunId pr = darwinRun("pr-2", "pull_request", pullRequest());
    runAgentForOneLeg();

    assertThat(events(pr))
        .filteredOn(DarwinCacheSaved.class::isInstance)
        .extracting(
            e -> ((DarwinCacheSaved) e).cache() + " gated=" + ((DarwinCacheSaved) e).gated())
        .containsExactly("go gated=false");
    Auditor auditor = new Auditor(AuditQuery.all(), AuditRules.defaults());
    try (var stream = runtime.eventStore().openStream(null)) {
      while (stream.hasNextAvailable(1, java.util.concurrent.TimeUnit.SECONDS)) {
        var m = stream.nextAvailable();
        auditor.accept(m.trackingToken().position().orElseThrow(), m.getPayload());
      }
    }
    assertThat(auditor.report().violations())
        .extracting(v -> v.invariant() + " " + v.rule() + " " + v.run())
        .contains("10 ungated-pr-save " + pr.value());
  }

  /** Registers a Darwin agent on a fresh machine, builds one leg, stops. */
  private void runAgentForOneLeg() throws Exception {
    ControlPlane plane = ControlPlaneFactory.gateway().connect(base, AGENT);
    AtomicInteger checkouts = new AtomicInteger();
    mac.cleanBuildOutput();
    int legs =
        new DarwinAgent(
                plane,
                leg -> {
                  checkouts.incrementAndGet();
                  return mac.workspace;
                },
                mac.runner(mac.freshMachine(), plane),
                "mac-it",
                RunnerClass.MACOS_LATEST,
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Clock.systemUTC())
            .run(() -> checkouts.get() < 1);
    assertThat(legs).isEqualTo(1);
  }

  /** Submits a trigger as CI would, then plays the matrix role: one Darwin leg, vllm. */
  private RunId darwinRun(String delivery, String event, String payload) throws Exception {
    String body =
        "{\"deliveryId\":\""
            + delivery
            + "\",\"event\":\""
            + event
            + "\",\"repository\":\"mudler/LocalAI\",\"payload\":"
            + payload
            + "}";
    HttpResponse<String> r = post("v1/triggers", CI, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    RunId run = RunId.of(JSON.readTree(r.body()).path("runId").asText());
    var entry = DarwinFixture.python("vllm");
    runtime
        .commandGateway()
        .sendAndWait(
            new RecordMatrix(
                run,
                "backend",
                false,
                "",
                List.of(
                    new PlannedLeg(
                        LegId.darwin("vllm"),
                        RunnerClass.MACOS_LATEST,
                        TagSuffix.of(entry.tagSuffixRaw()),
                        true,
                        entry.fields())),
                List.of(),
                List.of("vllm"),
                List.of("path:backend/python/vllm/"),
                Instant.now()));
    return run;
  }

  private static String push(char commit) {
    return "{\"ref\":\"refs/heads/master\",\"before\":\""
        + "0".repeat(40)
        + "\",\"after\":\""
        + String.valueOf(commit).repeat(40)
        + "\",\"repository\":{\"full_name\":\"mudler/LocalAI\"}}";
  }

  private static String pullRequest() {
    return "{\"action\":\"opened\",\"number\":77,\"pull_request\":{\"merge_commit_sha\":null,"
        + "\"head\":{\"sha\":\""
        + "e".repeat(40)
        + "\",\"repo\":{\"full_name\":\"mudler/LocalAI\"}},"
        + "\"base\":{\"sha\":\""
        + "b".repeat(40)
        + "\",\"repo\":{\"full_name\":\"mudler/LocalAI\"}}},"
        + "\"repository\":{\"full_name\":\"mudler/LocalAI\"}}";
  }

  private List<Object> events(RunId run) {
    List<Object> out = new ArrayList<>();
    var stream = runtime.eventStore().readEvents(run.value());
    while (stream.hasNext()) {
      out.add(stream.next().getPayload());
    }
    return out;
  }

  private static List<DarwinCacheRestored> restores(List<Object> events) {
    return events.stream()
        .filter(DarwinCacheRestored.class::isInstance)
        .map(DarwinCacheRestored.class::cast)
        .toList();
  }

  private JsonNode legView(RunId run) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("v1/runs/" + run.value()))
                .header("Authorization", "Bearer " + CI)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    for (JsonNode leg : JSON.readTree(r.body()).path("legs")) {
      if (leg.path("legId").asText().equals("darwin:vllm")) {
        return leg;
      }
    }
    throw new AssertionError("run " + run + " has no leg darwin:vllm: " + r.body());
  }

  private static List<String> lines(JsonNode leg) {
    List<String> out = new ArrayList<>();
    leg.path("lastLogLines").forEach(l -> out.add(l.asText()));
    return out;
  }

  private void awaitCompleted(RunId run) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (events(run).stream().noneMatch(RunCompleted.class::isInstance)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for run " + run + " to complete");
      }
      Thread.sleep(50);
    }
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
