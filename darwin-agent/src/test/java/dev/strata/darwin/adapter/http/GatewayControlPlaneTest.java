package dev.strata.darwin.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strata.darwin.port.ClaimedLeg;
import dev.strata.darwin.port.ControlPlaneException;
import dev.strata.domain.cache.api.EvictCache;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.leg.api.StepStats.BuildStep;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheOutcome;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordDarwinCacheRestore;
import dev.strata.domain.run.api.RecordDarwinCacheSave;
import dev.strata.domain.run.api.RecordLegFailure;
import dev.strata.domain.run.api.RecordLegVerified;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.runtime.agent.GatewayClient;
import dev.strata.runtime.serialization.StrataSerializers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against a stand-in gateway: paths, bodies and the claimed leg's Darwin view. */
class GatewayControlPlaneTest {
  private static final ObjectMapper JSON = StrataSerializers.objectMapper();
  private static final Instant AT = Instant.parse("2026-11-02T10:00:00Z");
  private static final RunId RUN = RunId.of("k3x9");
  private static final LegId LEG = LegId.darwin("vllm");
  private static final String LEG_PATH = "/v1/agents/ag-7/legs/k3x9%3Adarwin%3Avllm/";

  private HttpServer server;
  private GatewayControlPlane plane;
  private final Map<String, JsonNode> bodies = new ConcurrentHashMap<>();
  private final Map<String, List<Integer>> statuses = new ConcurrentHashMap<>();
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private final List<String> calls = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    plane = new GatewayControlPlane(new GatewayClient(base, "t0ken", JSON), Duration.ofMillis(10));
    answers.put("/v1/agents/register", "{\"agentId\":\"ag-7\"}");
    assertThat(plane.register("mac-1", List.of(RunnerClass.of("macos-latest"))))
        .isEqualTo(AgentId.of("ag-7"));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    byte[] in = ex.getRequestBody().readAllBytes();
    synchronized (calls) {
      calls.add(path);
    }
    bodies.put(path, in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in));
    List<Integer> queued = statuses.get(path);
    int code = queued == null || queued.isEmpty() ? 200 : queued.remove(0);
    if (code == 204) {
      ex.sendResponseHeaders(204, -1);
    } else {
      byte[] out = answers.getOrDefault(path, "{}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(code, out.length);
      ex.getResponseBody().write(out);
    }
    ex.close();
  }

  @Test
  void cacheRestored_postsTheOutcomeInLowerCaseToTheLegsCacheRestores() throws Exception {
    plane.cacheRestored(
        new RecordDarwinCacheRestore(
            RUN,
            LEG,
            "wheels",
            "pyenv-darwin-vllm-2026-W45-ab",
            CacheOutcome.PARTIAL,
            "pyenv-darwin-vllm-2026-W44-cd",
            1234,
            AT));

    assertThat(bodies.get(LEG_PATH + "cache-restores").toString())
        .isEqualTo(
            "{\"cache\":\"wheels\",\"key\":\"pyenv-darwin-vllm-2026-W45-ab\",\"outcome\":\"partial\","
                + "\"matchedKey\":\"pyenv-darwin-vllm-2026-W44-cd\",\"bytes\":1234,"
                + "\"at\":\"2026-11-02T10:00:00Z\"}");
  }

  @Test
  void cacheRestored_ofAMiss_leavesOutTheMatchedKey() throws Exception {
    plane.cacheRestored(
        new RecordDarwinCacheRestore(RUN, LEG, "go", "setup-go-x", CacheOutcome.MISS, null, 0, AT));

    assertThat(bodies.get(LEG_PATH + "cache-restores").has("matchedKey")).isFalse();
    assertThat(bodies.get(LEG_PATH + "cache-restores").path("outcome").asText()).isEqualTo("miss");
  }

  @Test
  void cacheSaved_carriesTheGateFlag_soAnUngatedPullRequestSaveReachesTheLog() throws Exception {
    plane.cacheSaved(new RecordDarwinCacheSave(RUN, LEG, "go", "setup-go-x", 99, false, AT));

    assertThat(bodies.get(LEG_PATH + "cache-saves").toString())
        .isEqualTo(
            "{\"cache\":\"go\",\"key\":\"setup-go-x\",\"bytes\":99,\"gated\":false,"
                + "\"at\":\"2026-11-02T10:00:00Z\"}");
  }

  @Test
  void cacheEvicted_postsToTheAgentsCacheEvictions() throws Exception {
    plane.cacheEvicted(
        new EvictCache(
            "ev-1",
            "dir:/cache",
            "brew-macOS-ARM64-v1-ab",
            null,
            List.of(),
            "over budget",
            "budget",
            500,
            AT));

    assertThat(bodies.get("/v1/agents/ag-7/cache-evictions").toString())
        .isEqualTo(
            "{\"evictionId\":\"ev-1\",\"store\":\"dir:/cache\",\"key\":\"brew-macOS-ARM64-v1-ab\","
                + "\"bytes\":500,\"reason\":\"over budget\",\"evictedBy\":\"budget\","
                + "\"at\":\"2026-11-02T10:00:00Z\"}");
  }

  @Test
  void pushed_reportsTheDigestAndTags_andVerifiedReportsNoDigest() throws Exception {
    StepStats steps = new StepStats(List.of(new BuildStep("brew install", false, 12, null)));
    BuildInputs inputs =
        new BuildInputs(
            List.of(new BuildArg("BACKEND", "vllm")), "", "", "", "abc", "darwin", "", -1);
    Digest digest = Digest.of("sha256:" + "d".repeat(64));
    ImageRef tag = ImageRef.parse("127.0.0.1:5000/b:master-metal-darwin-arm64-vllm");

    plane.pushed(
        new RecordArchDigest(
            RUN,
            LEG,
            AgentId.of("ag-7"),
            digest,
            List.of(tag),
            null,
            List.of(),
            List.of(),
            false,
            steps,
            inputs,
            AT));
    JsonNode pushed = bodies.get(LEG_PATH + "result");
    plane.verified(
        new RecordLegVerified(
            RUN, LEG, AgentId.of("ag-7"), List.of(), List.of(), List.of(), steps, inputs, AT));
    JsonNode verified = bodies.get(LEG_PATH + "result");

    assertThat(pushed.path("digest").asText()).isEqualTo(digest.value());
    assertThat(pushed.path("pushedTo").get(0).asText()).isEqualTo(tag.toString());
    assertThat(pushed.path("steps").get(0).path("name").asText()).isEqualTo("brew install");
    assertThat(verified.has("digest")).isFalse();
    assertThat(verified.path("inputs").path("builder").asText()).isEqualTo("darwin");
  }

  @Test
  void failed_postsTheFailingStepAndTail() throws Exception {
    plane.failed(
        new RecordLegFailure(
            RUN, LEG, AgentId.of("ag-7"), "make build", "exited 2", List.of("error: boom"), AT));

    assertThat(bodies.get(LEG_PATH + "failure").toString())
        .isEqualTo(
            "{\"failedStep\":\"make build\",\"reason\":\"exited 2\","
                + "\"lastLogLines\":[\"error: boom\"]}");
  }

  @Test
  void claim_turnsADarwinLegIntoItsEntryAndTrigger_countingEarlierAttempts() throws Exception {
    answers.put("/v1/agents/ag-7/claim", claimJson(true, 2));

    Optional<ClaimedLeg> leg = plane.claim(AgentId.of("ag-7"), Duration.ofSeconds(1));

    assertThat(leg).isPresent();
    assertThat(leg.get().runId()).isEqualTo(RUN);
    assertThat(leg.get().legId()).isEqualTo(LEG);
    assertThat(leg.get().entry().backend()).isEqualTo("vllm");
    assertThat(leg.get().entry().langOrPython()).isEqualTo("python");
    assertThat(leg.get().trigger().isPullRequest()).isFalse();
    assertThat(leg.get().attempt()).isEqualTo(1);
  }

  @Test
  void claim_ofALinuxLeg_reportsItFailedAndHandsNothingOver() throws Exception {
    answers.put("/v1/agents/ag-7/claim", claimJson(false, 1));

    Optional<ClaimedLeg> leg = plane.claim(AgentId.of("ag-7"), Duration.ofSeconds(1));

    assertThat(leg).isEmpty();
    assertThat(bodies.get(LEG_PATH + "failure").path("reason").asText())
        .contains("is not a Darwin leg");
  }

  @Test
  void transientFailures_areRetried_refusalsAreNot() throws Exception {
    statuses.put(LEG_PATH + "cache-saves", new ArrayList<>(List.of(503, 201)));
    plane.cacheSaved(new RecordDarwinCacheSave(RUN, LEG, "go", "k", 1, true, AT));
    assertThat(calls.stream().filter(c -> c.endsWith("cache-saves"))).hasSize(2);

    statuses.put(LEG_PATH + "cache-restores", new ArrayList<>(List.of(409, 201)));
    assertThatThrownBy(
            () ->
                plane.cacheRestored(
                    new RecordDarwinCacheRestore(
                        RUN, LEG, "go", "k", CacheOutcome.MISS, null, 0, AT)))
        .isInstanceOf(ControlPlaneException.class)
        .hasMessageContaining("409");
    assertThat(calls.stream().filter(c -> c.endsWith("cache-restores"))).hasSize(1);
  }

  @Test
  void reportsBeforeRegistering_areRefusedWithAClearMessage() {
    GatewayControlPlane fresh =
        new GatewayControlPlane(
            new GatewayClient(URI.create("http://127.0.0.1:1"), "t", JSON), Duration.ZERO);

    assertThatThrownBy(
            () -> fresh.cacheSaved(new RecordDarwinCacheSave(RUN, LEG, "go", "k", 1, true, AT)))
        .isInstanceOf(ControlPlaneException.class)
        .hasMessageContaining("has not registered yet");
  }

  private static String claimJson(boolean darwin, int attempt) {
    return "{\"leg\":\"k3x9:darwin:vllm\",\"runId\":\"k3x9\",\"legId\":\"darwin:vllm\","
        + "\"pipeline\":\"backend\",\"runnerClass\":\"macos-latest\","
        + "\"mergeGroup\":\"-metal-darwin-arm64-vllm\",\"darwin\":"
        + darwin
        + ",\"fields\":{\"backend\":\"vllm\",\"tag-suffix\":\"-metal-darwin-arm64-vllm\","
        + "\"build-type\":\"mps\"},"
        + "\"trigger\":{\"kind\":\"PUSH\",\"repository\":\"mudler/LocalAI\","
        + "\"ref\":\"refs/heads/master\",\"before\":\""
        + "0".repeat(40)
        + "\",\"sha\":\""
        + "a".repeat(40)
        + "\"},\"leaseUntil\":\"2026-11-02T10:10:00Z\",\"attempt\":"
        + attempt
        + "}";
  }
}
