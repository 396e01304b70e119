package dev.strata.gateway.it;

import static dev.strata.gateway.it.TestPlatform.AGENT;
import static dev.strata.gateway.it.TestPlatform.CI;
import static dev.strata.gateway.it.TestPlatform.await;
import static dev.strata.gateway.it.TestPlatform.sha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.run.api.LegClaimed;
import dev.strata.domain.run.api.LegLeaseExpired;
import dev.strata.domain.trigger.api.RunId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentsIntegrationTest {
  @TempDir static Path data;
  private TestPlatform platform;

  @BeforeAll
  void start() throws Exception {
    platform = TestPlatform.start(data, o -> o.lease(Duration.ofSeconds(2)));
  }

  @AfterAll
  void stop() {
    platform.close();
  }

  private String register(String name, String... classes) throws Exception {
    HttpResponse<String> r =
        platform.post(
            "/v1/agents/register",
            AGENT,
            new JsonObject()
                .put("name", name)
                .put("runnerClasses", new JsonArray(List.of(classes)))
                .encode());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return new JsonObject(r.body()).getString("agentId");
  }

  private RunId runWithLegs(String delivery, char commit, String runnerClass, String... legs)
      throws Exception {
    HttpResponse<String> r =
        platform.post("/v1/triggers", CI, TestPlatform.push(delivery, sha('0'), sha(commit)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    RunId run = RunId.of(new JsonObject(r.body()).getString("runId"));
    platform.plan(run, runnerClass, legs);
    return run;
  }

  private HttpResponse<String> claim(String agent, int waitSeconds) throws Exception {
    return platform.post(
        "/v1/agents/" + agent + "/claim",
        AGENT,
        new JsonObject().put("waitSeconds", waitSeconds).encode());
  }

  private static String path(String leg) {
    return URLEncoder.encode(leg, StandardCharsets.UTF_8);
  }

  @Test
  void claim_returnsALegOfTheAgentsRunnerClassWithItsFieldsTriggerAndLease() throws Exception {
    String agent = register("runner-arm", "ubuntu-24.04-arm");
    RunId run = runWithLegs("a-claim", 'a', "ubuntu-24.04-arm", "-cpu-vllm@arm64");

    HttpResponse<String> r = claim(agent, 5);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject leg = new JsonObject(r.body());
    assertThat(leg.getString("leg")).isEqualTo(run + ":-cpu-vllm@arm64");
    assertThat(leg.getString("runnerClass")).isEqualTo("ubuntu-24.04-arm");
    assertThat(leg.getJsonObject("fields").getString("backend")).isEqualTo("vllm");
    assertThat(leg.getJsonObject("trigger").getString("ref")).isEqualTo("refs/heads/master");
    assertThat(leg.getString("leaseUntil")).isNotBlank();
    assertThat(leg.getInteger("attempt")).isEqualTo(1);
  }

  @Test
  void claim_withNothingToBuild_waitsThenAnswers204() throws Exception {
    String agent = register("idle", "bigger-runner");
    long t0 = System.nanoTime();
    HttpResponse<String> r = claim(agent, 1);
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(900));
  }

  @Test
  void claim_longPoll_wakesUpWhenALegIsPlanned() throws Exception {
    String agent = register("waiter", "macos-latest");
    ExecutorService pool = Executors.newSingleThreadExecutor();
    Future<HttpResponse<String>> waiting = pool.submit(() -> claim(agent, 20));
    Thread.sleep(300);
    long t0 = System.nanoTime();
    runWithLegs("a-wake", '9', "macos-latest", "-metal-mlx@single");
    HttpResponse<String> r = waiting.get();
    pool.shutdown();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void twoAgentsRacing_claimEachLegExactlyOnce() throws Exception {
    List<String> legs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      legs.add("-cpu-race" + i + "@amd64");
    }
    String a = register("racer-a", "race-class");
    String b = register("racer-b", "race-class");
    RunId run = runWithLegs("a-race", '8', "race-class", legs.toArray(String[]::new));
    await("the plan on the board", () -> view(run).getJsonArray("legs").size() == 12);
    ConcurrentLinkedQueue<String> won = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<?>> racers = new ArrayList<>();
    for (String agent : List.of(a, b)) {
      racers.add(
          pool.submit(
              () -> {
                while (true) {
                  HttpResponse<String> r = claim(agent, 0);
                  if (r.statusCode() == 204) {
                    return null;
                  }
                  won.add(new JsonObject(r.body()).getString("leg"));
                }
              }));
    }
    for (Future<?> f : racers) {
      f.get();
    }
    pool.shutdown();

    assertThat(won).hasSize(12).doesNotHaveDuplicates();
    long claimedEvents = 0;
    var stream = platform.runtime.eventStore().readEvents(run.value());
    while (stream.hasNext()) {
      DomainEventMessage<?> m = stream.next();
      if (m.getPayload() instanceof LegClaimed) {
        claimedEvents++;
      }
    }
    assertThat(claimedEvents).isEqualTo(12);
  }

  @Test
  void lease_withoutHeartbeat_expiresWithAReason_andTheLegIsClaimableAgain() throws Exception {
    String first = register("crashy", "lease-class");
    String second = register("steady", "lease-class");
    RunId run = runWithLegs("a-lease", 'e', "lease-class", "-cpu-lease@amd64");
    assertThat(claim(first, 5).statusCode()).isEqualTo(200);

    HttpResponse<String> r = claim(second, 10);

    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject leg = new JsonObject(r.body());
    assertThat(leg.getInteger("attempt")).isEqualTo(2);
    List<String> reasons = new ArrayList<>();
    var stream = platform.runtime.eventStore().readEvents(run.value());
    while (stream.hasNext()) {
      if (stream.next().getPayload() instanceof LegLeaseExpired e) {
        reasons.add(e.reason());
      }
    }
    assertThat(reasons).singleElement().asString().contains(first).contains("no heartbeat");
  }

  @Test
  void heartbeat_keepsTheLease_andResultRecordsTheDigest() throws Exception {
    String agent = register("worker", "beat-class");
    RunId run = runWithLegs("a-beat", '7', "beat-class", "-cpu-beat@amd64");
    String leg = new JsonObject(claim(agent, 5).body()).getString("leg");
    for (int i = 0; i < 4; i++) {
      Thread.sleep(700);
      HttpResponse<String> hb = platform.post("/v1/agents/" + agent + "/heartbeat", AGENT, "{}");
      assertThat(hb.statusCode()).as(hb.body()).isEqualTo(200);
    }
    HttpResponse<String> progress =
        platform.post(
            "/v1/agents/" + agent + "/legs/" + path(leg) + "/progress",
            AGENT,
            "{\"step\":\"RUN make\",\"lines\":[\"compiling\"]}");
    assertThat(progress.statusCode()).as(progress.body()).isEqualTo(200);

    HttpResponse<String> result =
        platform.post(
            "/v1/agents/" + agent + "/legs/" + path(leg) + "/result",
            AGENT,
            LegPayloads.result("sha256:" + "d".repeat(64)).encode());

    assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
    await("the leg built", () -> legState(run).equals("BUILT"));
    JsonObject view = new JsonObject(platform.get("/v1/runs/" + run, CI).body());
    JsonObject l = view.getJsonArray("legs").getJsonObject(0);
    assertThat(l.getString("digest")).isEqualTo("sha256:" + "d".repeat(64));
    assertThat(l.getInteger("cachedSteps")).isEqualTo(1);
    assertThat(l.getInteger("executedSteps")).isEqualTo(1);
    assertThat(l.getInteger("attempts")).isEqualTo(1);
  }

  @Test
  void failure_isRecordedWithItsReason() throws Exception {
    String agent = register("failing", "fail-class");
    RunId run = runWithLegs("a-fail", 'f', "fail-class", "-cpu-fail@amd64");
    String leg = new JsonObject(claim(agent, 5).body()).getString("leg");

    HttpResponse<String> r =
        platform.post(
            "/v1/agents/" + agent + "/legs/" + path(leg) + "/failure",
            AGENT,
            "{\"failedStep\":\"RUN make\",\"reason\":\"exit code 2\",\"lastLogLines\":[\"error: x\"]}");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    await("the leg failed", () -> legState(run).equals("FAILED"));
    JsonObject l = view(run).getJsonArray("legs").getJsonObject(0);
    assertThat(l.getString("failure")).isEqualTo("exit code 2");
    assertThat(l.getString("failedStep")).isEqualTo("RUN make");
  }

  @Test
  void result_fromAnAgentThatDoesNotHoldTheLeg_is409() throws Exception {
    String holder = register("holder", "held-class");
    String other = register("other", "held-class");
    runWithLegs("a-held", '6', "held-class", "-cpu-held@amd64");
    String leg = new JsonObject(claim(holder, 5).body()).getString("leg");

    HttpResponse<String> r =
        platform.post(
            "/v1/agents/" + other + "/legs/" + path(leg) + "/result",
            AGENT,
            LegPayloads.result("sha256:" + "e".repeat(64)).encode());

    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(r.body()).getString("detail")).contains("held by agent " + holder);
  }

  private String legState(RunId run) {
    return view(run).getJsonArray("legs").getJsonObject(0).getString("state");
  }

  private JsonObject view(RunId run) {
    try {
      return new JsonObject(platform.get("/v1/runs/" + run, CI).body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
