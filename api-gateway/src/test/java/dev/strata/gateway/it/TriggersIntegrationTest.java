package dev.strata.gateway.it;

import static dev.strata.gateway.it.TestPlatform.ADMIN;
import static dev.strata.gateway.it.TestPlatform.AGENT;
import static dev.strata.gateway.it.TestPlatform.CI;
import static dev.strata.gateway.it.TestPlatform.await;
import static dev.strata.gateway.it.TestPlatform.sha;
import static dev.strata.gateway.it.TestPlatform.sign;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.trigger.api.RunId;
import dev.strata.gateway.core.RunIds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriggersIntegrationTest {
  @TempDir static Path data;
  private TestPlatform platform;

  @BeforeAll
  void start() throws Exception {
    platform = TestPlatform.start(data);
  }

  @AfterAll
  void stop() {
    platform.close();
  }

  @Test
  void trigger_isAcceptedWithItsRunIdAndGroup_thenVisibleInTheRunList() throws Exception {
    HttpResponse<String> r =
        platform.post("/v1/triggers", CI, TestPlatform.push("d-accept", sha('1'), sha('2')));

    assertThat(r.statusCode()).isEqualTo(202);
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getString("runId")).isEqualTo(RunIds.forDelivery("d-accept").value());
    assertThat(body.getString("concurrencyGroup"))
        .isEqualTo("ci-backends-" + sha('2') + "-mudler/LocalAI");
    assertThat(body.getBoolean("started")).isTrue();
    await(
        "the run in the list",
        () ->
            list("?branch=master").stream()
                .anyMatch(
                    o -> body.getString("runId").equals(((JsonObject) o).getString("runId"))));
    HttpResponse<String> run = platform.get("/v1/runs/" + body.getString("runId"), CI);
    assertThat(run.statusCode()).isEqualTo(200);
    JsonObject view = new JsonObject(run.body());
    assertThat(view.getString("state")).isEqualTo("RUNNING");
    assertThat(view.getJsonObject("trigger").getString("ref")).isEqualTo("refs/heads/master");
    assertThat(view.getJsonObject("trigger").getString("sha")).isEqualTo(sha('2'));
  }

  @Test
  void redelivery_answersTheExistingRunAndRecordsNothingNew() throws Exception {
    String body = TestPlatform.push("d-twice", sha('3'), sha('4'));
    HttpResponse<String> first = platform.post("/v1/triggers", CI, body);
    HttpResponse<String> second = platform.post("/v1/triggers", CI, body);

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    JsonObject again = new JsonObject(second.body());
    assertThat(again.getBoolean("duplicate")).isTrue();
    assertThat(again.getString("runId")).isEqualTo(new JsonObject(first.body()).getString("runId"));
    HttpResponse<String> events =
        platform.get("/v1/runs/" + again.getString("runId") + "/events", CI);
    JsonArray list = new JsonObject(events.body()).getJsonArray("events");
    assertThat(list).hasSize(1);
    assertThat(list.getJsonObject(0).getString("type")).isEqualTo("TriggerReceived");
  }

  @Test
  void webhook_withAGoodSignature_startsARun() throws Exception {
    String payload = TestPlatform.githubPush("refs/heads/master", sha('5'), sha('6')).encode();
    HttpResponse<String> r = platform.webhook("push", "gh-good", payload, sign(payload));

    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(new JsonObject(r.body()).getString("runId"))
        .isEqualTo(RunIds.forDelivery("gh-good").value());
  }

  @Test
  void webhook_withABadOrMissingSignature_is401AndRecordsNothing() throws Exception {
    String payload = TestPlatform.githubPush("refs/heads/master", sha('5'), sha('7')).encode();
    HttpResponse<String> bad =
        platform.webhook("push", "gh-bad", payload, sign(payload.replace("master", "mastex")));
    HttpResponse<String> missing = platform.webhook("push", "gh-missing", payload, null);

    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(new JsonObject(bad.body()).containsKey("detail")).isFalse();
    assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(exists("gh-bad")).isFalse();
    assertThat(exists("gh-missing")).isFalse();
  }

  @Test
  void webhook_redelivery_isIdempotent() throws Exception {
    String payload = TestPlatform.githubPush("refs/tags/v3.1.0", sha('0'), sha('8')).encode();
    HttpResponse<String> first = platform.webhook("push", "gh-redeliver", payload, sign(payload));
    HttpResponse<String> again = platform.webhook("push", "gh-redeliver", payload, sign(payload));

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(again.body()).getString("runId"))
        .isEqualTo(new JsonObject(first.body()).getString("runId"));
  }

  @Test
  void webhook_unknownEvent_isIgnoredAndRecordsNothing() throws Exception {
    String payload = new JsonObject().put("zen", "Keep it logically awesome.").encode();
    HttpResponse<String> r = platform.webhook("ping", "gh-ping", payload, sign(payload));
    HttpResponse<String> closed =
        platform.webhook(
            "pull_request",
            "gh-closed",
            TestPlatform.githubPullRequest("closed", 7, sha('c'), false).encode(),
            sign(TestPlatform.githubPullRequest("closed", 7, sha('c'), false).encode()));

    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(new JsonObject(r.body()).getString("status")).isEqualTo("ignored");
    assertThat(closed.statusCode()).isEqualTo(202);
    assertThat(new JsonObject(closed.body()).getString("status")).isEqualTo("ignored");
    assertThat(exists("gh-ping")).isFalse();
    assertThat(exists("gh-closed")).isFalse();
  }

  @Test
  void tokens_missingOrWrong_are401_andTheWrongRole_is403() throws Exception {
    String body = TestPlatform.push("d-auth", sha('1'), sha('9'));
    assertThat(platform.post("/v1/triggers", null, body).statusCode()).isEqualTo(401);
    assertThat(platform.post("/v1/triggers", "not-a-token", body).statusCode()).isEqualTo(401);
    assertThat(platform.post("/v1/triggers", AGENT, body).statusCode()).isEqualTo(403);
    assertThat(platform.post("/v1/runs/abc/cancel", CI, "{}").statusCode()).isEqualTo(403);
    assertThat(platform.get("/v1/runs", ADMIN).statusCode()).isEqualTo(200);
    assertThat(exists("d-auth")).isFalse();
  }

  private JsonArray list(String query) {
    try {
      return new JsonObject(platform.get("/v1/runs" + query, CI).body()).getJsonArray("runs");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean exists(String delivery) {
    RunId id = RunIds.forDelivery(delivery);
    return platform.runtime.eventStore().readEvents(id.value()).hasNext();
  }
}
