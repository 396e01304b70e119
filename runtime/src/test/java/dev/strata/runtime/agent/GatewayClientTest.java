package dev.strata.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.leg.api.StepStats.BuildStep;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.trigger.api.TriggerKind;
import dev.strata.runtime.serialization.StrataSerializers;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a stand-in gateway that answers like the agent API's OpenAPI document. */
class GatewayClientTest {
  private static final ObjectMapper JSON = StrataSerializers.objectMapper();
  private static final String TOKEN = "s3cret-agent-token";
  private static final AgentId AGENT = AgentId.of("a1");

  private HttpServer server;
  private GatewayClient client;
  private final Map<String, JsonNode> bodies = new ConcurrentHashMap<>();
  private final Map<String, String> auth = new ConcurrentHashMap<>();
  private final Map<String, Integer> status = new ConcurrentHashMap<>();
  private final Map<String, String> answers = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    client =
        new GatewayClient(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()), TOKEN, JSON);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    byte[] in = ex.getRequestBody().readAllBytes();
    bodies.put(path, in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in));
    auth.put(path, String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
    int code = status.getOrDefault(path, 200);
    String answer = answers.getOrDefault(path, "{}");
    if (code == 204) {
      ex.sendResponseHeaders(204, -1);
    } else {
      byte[] out = answer.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(code, out.length);
      ex.getResponseBody().write(out);
    }
    ex.close();
  }

  @Test
  void register_sendsNameAndRunnerClasses_andReadsTheLeaseTerms() throws Exception {
    status.put("/v1/agents/register", 201);
    answers.put(
        "/v1/agents/register", "{\"agentId\":\"ag-7\",\"leaseSeconds\":90,\"maxWaitSeconds\":25}");

    AgentRegistration r =
        client.register(
            "runner-1", List.of(RunnerClass.of("ubuntu-latest"), RunnerClass.of("bigger-runner")));

    assertThat(r)
        .isEqualTo(
            new AgentRegistration(
                AgentId.of("ag-7"), Duration.ofSeconds(90), Duration.ofSeconds(25)));
    assertThat(bodies.get("/v1/agents/register").toString())
        .isEqualTo(
            "{\"name\":\"runner-1\",\"runnerClasses\":[\"ubuntu-latest\",\"bigger-runner\"]}");
    assertThat(auth.get("/v1/agents/register")).isEqualTo("Bearer " + TOKEN);
  }

  @Test
  void claim_isEmptyOn204_andParsesALegWithTypedFieldsAndItsTrigger() throws Exception {
    status.put("/v1/agents/a1/claim", 204);
    assertThat(client.claim(AGENT, Duration.ofSeconds(1))).isEmpty();
    assertThat(bodies.get("/v1/agents/a1/claim").toString()).isEqualTo("{\"waitSeconds\":1}");

    status.put("/v1/agents/a1/claim", 200);
    answers.put(
        "/v1/agents/a1/claim",
        "{\"leg\":\"k3x9:-cpu-vllm@amd64\",\"runId\":\"k3x9\",\"legId\":\"-cpu-vllm@amd64\","
            + "\"pipeline\":\"backend\",\"runnerClass\":\"ubuntu-latest\",\"mergeGroup\":\"-cpu-vllm\","
            + "\"darwin\":false,\"fields\":{\"tag-suffix\":\"-cpu-vllm\",\"cuda-major-version\":12,"
            + "\"skip\":true,\"none\":null},"
            + "\"trigger\":{\"kind\":\"PULL_REQUEST\",\"repository\":\"mudler/LocalAI\","
            + "\"ref\":\"refs/pull/7/merge\",\"sha\":\""
            + "a".repeat(40)
            + "\",\"prNumber\":7,"
            + "\"baseSha\":\""
            + "b".repeat(40)
            + "\",\"headSha\":\""
            + "c".repeat(40)
            + "\","
            + "\"fork\":true,\"forceAll\":false,\"pullRequest\":true},"
            + "\"concurrencyGroup\":\"g\",\"leaseUntil\":\"2026-11-28T10:00:00Z\",\"attempt\":2}");

    ClaimedLeg leg = client.claim(AGENT, Duration.ofSeconds(30)).orElseThrow();

    assertThat(leg.leg()).isEqualTo("k3x9:-cpu-vllm@amd64");
    assertThat(leg.fields())
        .containsEntry("tag-suffix", Scalar.string("-cpu-vllm"))
        .containsEntry("cuda-major-version", new Scalar(Scalar.Kind.INTEGER, "12"))
        .containsEntry("skip", new Scalar(Scalar.Kind.BOOLEAN, "true"))
        .containsEntry("none", Scalar.nullValue());
    assertThat(leg.trigger().kind()).isEqualTo(TriggerKind.PULL_REQUEST);
    assertThat(leg.trigger().fork()).isTrue();
    assertThat(leg.trigger().prNumber()).isEqualTo(7);
    assertThat(leg.attempt()).isEqualTo(2);
  }

  @Test
  void progress_isFalseWhenTheGatewaySaysTheAgentNoLongerHoldsTheLeg() throws Exception {
    String path = "/v1/agents/a1/legs/k3x9%3A-cpu-vllm%40amd64/progress";
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      lines.add("line " + i);
    }

    assertThat(client.progress(AGENT, "k3x9:-cpu-vllm@amd64", "[b 1/2] RUN x", lines)).isTrue();
    JsonNode sent = bodies.get(path);
    assertThat(sent.get("lines")).hasSize(1000);
    assertThat(sent.get("lines").get(999).asText()).isEqualTo("line 1199");

    status.put(path, 409);
    assertThat(client.progress(AGENT, "k3x9:-cpu-vllm@amd64", null, List.of("x"))).isFalse();
  }

  @Test
  void result_sendsExactlyTheSchemasProperties() throws Exception {
    Digest d = Digest.of("sha256:" + "ab".repeat(32));
    LegResultReport report =
        new LegResultReport(
            Optional.of(d),
            List.of(ImageRef.parse("r:5000/n/a")),
            Optional.of(ImageRef.parse("r:5000/n/cache:keepalive-1-x-amd64")),
            List.of(),
            List.of(CacheRef.parse("r:5000/n/cache:cache-x-amd64")),
            List.of(
                new CacheWrite(
                    CacheRef.parse("r:5000/n/cache:cache-x-amd64"),
                    "type=inline,ignore-error=true")),
            false,
            new StepStats(List.of(new BuildStep("[b 1/1] RUN x", true, 0, null))),
            new BuildInputs(
                List.of(new BuildArg("BACKEND", "x")),
                "debian",
                "",
                "sha256:1",
                "git-tree:2",
                "engine docker 20.10.24",
                "",
                -1));

    client.result(AGENT, "k3x9:-x@amd64", report);

    assertThat(bodies.get("/v1/agents/a1/legs/k3x9%3A-x%40amd64/result").toString())
        .isEqualTo(
            "{\"digest\":\""
                + d
                + "\",\"pushedTo\":[\"r:5000/n/a\"],"
                + "\"anchor\":\"r:5000/n/cache:keepalive-1-x-amd64\",\"pushedTags\":[],"
                + "\"cacheRead\":[\"r:5000/n/cache:cache-x-amd64\"],"
                + "\"cacheWritten\":[{\"ref\":\"r:5000/n/cache:cache-x-amd64\","
                + "\"options\":\"type=inline,ignore-error=true\"}],\"provenance\":false,"
                + "\"steps\":[{\"name\":\"[b 1/1] RUN x\",\"cached\":true,\"durationMillis\":0}],"
                + "\"inputs\":{\"buildArgs\":[{\"name\":\"BACKEND\",\"value\":\"x\"}],"
                + "\"baseImage\":\"debian\",\"builderBaseImage\":\"\",\"dockerfileDigest\":\"sha256:1\","
                + "\"contextDigest\":\"git-tree:2\",\"builder\":\"engine docker 20.10.24\","
                + "\"ccacheMountId\":\"\",\"ccacheHits\":-1}}");
  }

  @Test
  void failure_keepsAtMost200Lines_andAnErrorNeverCarriesTheToken() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      lines.add("l" + i);
    }
    client.failure(
        AGENT, "r1:-x@amd64", new LegFailureReport("[b 2/2] RUN make", "exit code: 2", lines));
    JsonNode sent = bodies.get("/v1/agents/a1/legs/r1%3A-x%40amd64/failure");
    assertThat(sent.get("lastLogLines")).hasSize(200);
    assertThat(sent.get("reason").asText()).isEqualTo("exit code: 2");

    status.put("/v1/agents/a1/heartbeat", 401);
    answers.put("/v1/agents/a1/heartbeat", "{\"title\":\"Unauthorized\",\"status\":401}");
    assertThatThrownBy(() -> client.heartbeat(AGENT))
        .isInstanceOfSatisfying(
            GatewayException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.isTransient()).isFalse();
              assertThat(e.getMessage()).contains("answered 401").doesNotContain(TOKEN);
            });
  }
}
