package dev.strata.gateway.it;

import static dev.strata.gateway.it.TestPlatform.AGENT;
import static dev.strata.gateway.it.TestPlatform.CI;
import static dev.strata.gateway.it.TestPlatform.await;
import static dev.strata.gateway.it.TestPlatform.sha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.gateway.core.RunIds;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputAndOpsIntegrationTest {
  @TempDir static Path data;
  private TestPlatform platform;

  @BeforeAll
  void start() throws Exception {
    platform = TestPlatform.start(data, o -> o.bodyLimitBytes(64 * 1024));
  }

  @AfterAll
  void stop() {
    platform.close();
  }

  private void assertProblem(HttpResponse<String> r, int status, String mentions) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    if (mentions != null) {
      assertThat(r.body()).contains(mentions);
    }
  }

  private boolean recorded(String delivery) {
    return platform.runtime.eventStore().readEvents(RunIds.forDelivery(delivery).value()).hasNext();
  }

  @Test
  void malformedJson_is400AndRecordsNothing() throws Exception {
    assertProblem(platform.post("/v1/triggers", CI, "{\"deliveryId\": \"bad-json\","), 400, null);
    assertThat(recorded("bad-json")).isFalse();
  }

  @Test
  void wrongTypes_are400NamingTheField() throws Exception {
    String body =
        new JsonObject()
            .put("deliveryId", "bad-type")
            .put("event", "push")
            .put("forceAll", "yes")
            .put("payload", TestPlatform.githubPush("refs/heads/master", sha('1'), sha('2')))
            .encode();
    assertProblem(platform.post("/v1/triggers", CI, body), 400, "forceAll");
    String badSha = TestPlatform.push("bad-sha", sha('1'), "not-a-sha");
    assertProblem(platform.post("/v1/triggers", CI, badSha), 400, "/payload/after");
    assertThat(recorded("bad-type")).isFalse();
    assertThat(recorded("bad-sha")).isFalse();
  }

  @Test
  void oversizedBody_is413AndRecordsNothing() throws Exception {
    String big =
        new JsonObject()
            .put("deliveryId", "too-big")
            .put("event", "push")
            .put(
                "payload",
                TestPlatform.githubPush("refs/heads/master", sha('1'), sha('3'))
                    .put("padding", "x".repeat(100 * 1024)))
            .encode();
    assertProblem(platform.post("/v1/triggers", CI, big), 413, null);
    assertThat(recorded("too-big")).isFalse();
  }

  @Test
  void unknownRun_is404_andABadRunId_is400() throws Exception {
    assertProblem(platform.get("/v1/runs/nosuchrun", CI), 404, "nosuchrun");
    assertProblem(platform.get("/v1/runs/Not_A_Run", CI), 400, "runId");
    assertProblem(platform.post("/v1/runs/nosuchrun/cancel", TestPlatform.ADMIN, "{}"), 404, null);
  }

  @Test
  void badDigest_is400NamingDigest() throws Exception {
    HttpResponse<String> reg =
        platform.post("/v1/agents/register", AGENT, "{\"name\":\"d\",\"runnerClasses\":[\"x\"]}");
    String agent = new JsonObject(reg.body()).getString("agentId");
    HttpResponse<String> r =
        platform.post(
            "/v1/agents/" + agent + "/legs/abc:-cpu-x@amd64/result",
            AGENT,
            LegPayloads.result("sha256:XYZ").encode());
    assertProblem(r, 400, "/digest");
  }

  @Test
  void events_areListedAndStreamedLive() throws Exception {
    HttpResponse<String> t =
        platform.post("/v1/triggers", CI, TestPlatform.push("ev-1", sha('4'), sha('5')));
    String run = new JsonObject(t.body()).getString("runId");
    await(
        "the run on the board",
        () -> {
          try {
            return platform.get("/v1/runs/" + run, CI).statusCode() == 200;
          } catch (Exception e) {
            return false;
          }
        });
    HttpResponse<String> list = platform.get("/v1/runs/" + run + "/events", CI);
    assertThat(
            new JsonObject(list.body()).getJsonArray("events").getJsonObject(0).getString("type"))
        .isEqualTo("TriggerReceived");

    HttpRequest sse =
        HttpRequest.newBuilder(URI.create(platform.base + "/v1/runs/" + run + "/events"))
            .header("Authorization", "Bearer " + CI)
            .header("Accept", "text/event-stream")
            .timeout(Duration.ofSeconds(10))
            .build();
    var pending = platform.http.sendAsync(sse, HttpResponse.BodyHandlers.ofString());
    Thread.sleep(300);
    platform.post(
        "/v1/runs/" + run + "/cancel", TestPlatform.ADMIN, "{\"reason\":\"stream test\"}");
    String stream = pending.get().body();
    assertThat(stream)
        .contains("event: TriggerReceived")
        .contains("event: RunCancelled")
        .contains("stream test");
  }

  @Test
  void health_metrics_openApi_andStatusPage_answer() throws Exception {
    HttpResponse<String> health = platform.get("/health", null);
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(new JsonObject(health.body()).getBoolean("up")).isTrue();
    platform.get("/v1/runs", CI);
    HttpResponse<String> metrics = platform.get("/metrics", null);
    assertThat(metrics.body())
        .contains(
            "strata_http_requests_seconds_count{method=\"GET\",operation=\"listRuns\",status=\"200\"}")
        .contains("strata_runs{state=\"RUNNING\"}")
        .contains("strata_legs{state=\"WAITING\"}")
        .contains("strata_processor_lag_events{processor=\"gateway-view\"}");
    HttpResponse<String> doc = platform.get("/v1/openapi.json", null);
    assertThat(new JsonObject(doc.body()).getString("openapi")).isEqualTo("3.1.0");
    HttpResponse<String> page = platform.get("/", null);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(page.body()).contains("Recent runs").contains("EventSource('/status/stream')");
  }
}
