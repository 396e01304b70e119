package dev.strata.gateway.it;

import static dev.strata.gateway.it.TestPlatform.ADMIN;
import static dev.strata.gateway.it.TestPlatform.CI;
import static dev.strata.gateway.it.TestPlatform.await;
import static dev.strata.gateway.it.TestPlatform.sha;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyIntegrationTest {
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

  private JsonObject submit(String delivery, String event, JsonObject payload) throws Exception {
    HttpResponse<String> r =
        platform.post(
            "/v1/triggers",
            CI,
            new JsonObject()
                .put("deliveryId", delivery)
                .put("event", event)
                .put("payload", payload)
                .encode());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    return new JsonObject(r.body());
  }

  private JsonObject view(String run) {
    try {
      return new JsonObject(platform.get("/v1/runs/" + run, CI).body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String state(String run) {
    return view(run).getString("state", "");
  }

  private static JsonObject schedule(String commit) {
    return new JsonObject()
        .put("schedule", "0 6 * * 0")
        .put("ref", "refs/heads/master")
        .put("sha", commit)
        .put("repository", new JsonObject().put("full_name", "mudler/LocalAI"));
  }

  private static JsonObject dispatch(String commit) {
    return new JsonObject()
        .put("ref", "refs/heads/master")
        .put("sha", commit)
        .put("repository", new JsonObject().put("full_name", "mudler/LocalAI"));
  }

  @Test
  void newPullRequestRun_cancelsTheRunningOneWithAReason() throws Exception {
    String first =
        submit(
                "pr-1",
                "pull_request",
                TestPlatform.githubPullRequest("opened", 42, sha('1'), false))
            .getString("runId");
    String second =
        submit(
                "pr-2",
                "pull_request",
                TestPlatform.githubPullRequest("synchronize", 42, sha('2'), false))
            .getString("runId");

    await("the first PR run cancelled", () -> state(first).equals("CANCELLED"));
    assertThat(view(first).getString("cancelReason"))
        .contains("cancelled in progress by run " + second);
    assertThat(view(first).getString("cancelledBy")).isEqualTo("run:" + second);
    assertThat(state(second)).isEqualTo("RUNNING");
  }

  @Test
  void nonPrGroup_keepsOneRunningAndOnePending_newerPendingReplacesOlder() throws Exception {
    String commit = sha('a');
    String running =
        submit("push-a", "push", TestPlatform.githubPush("refs/heads/master", sha('0'), commit))
            .getString("runId");
    JsonObject secondAdmission = submit("sched-a", "schedule", schedule(commit));
    String pendingOld = secondAdmission.getString("runId");
    assertThat(secondAdmission.getBoolean("started")).isFalse();
    String pendingNew = submit("disp-a", "workflow_dispatch", dispatch(commit)).getString("runId");

    await("the older pending run cancelled", () -> state(pendingOld).equals("CANCELLED"));
    assertThat(view(pendingOld).getString("cancelReason"))
        .contains("superseded by run " + pendingNew);
    assertThat(state(running)).isEqualTo("RUNNING");
    assertThat(state(pendingNew)).isEqualTo("PENDING");

    HttpResponse<String> cancel =
        platform.post("/v1/runs/" + running + "/cancel", ADMIN, "{\"reason\":\"test\"}");
    assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
    await("the pending run started", () -> state(pendingNew).equals("RUNNING"));
  }

  @Test
  void releaseRun_isNeverCancelledByScheduleOrDispatch() throws Exception {
    String commit = sha('b');
    String master =
        submit("push-b", "push", TestPlatform.githubPush("refs/heads/master", sha('0'), commit))
            .getString("runId");
    String release =
        submit("tag-b", "push", TestPlatform.githubPush("refs/tags/v3.2.0", sha('0'), commit))
            .getString("runId");
    String cron = submit("sched-b", "schedule", schedule(commit)).getString("runId");
    String manual = submit("disp-b", "workflow_dispatch", dispatch(commit)).getString("runId");

    await("the schedule run superseded", () -> state(cron).equals("CANCELLED"));
    assertThat(state(release)).isEqualTo("PENDING");
    assertThat(state(manual)).isEqualTo("PENDING");
    platform.post("/v1/runs/" + master + "/cancel", ADMIN, "{}");
    await("the release run started", () -> state(release).equals("RUNNING"));
    assertThat(state(manual)).isEqualTo("PENDING");
  }
}
