package dev.strata.gateway.it;

import static dev.strata.gateway.it.TestPlatform.AGENT;
import static dev.strata.gateway.it.TestPlatform.CI;
import static dev.strata.gateway.it.TestPlatform.sha;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.cache.api.CacheEvicted;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.CacheOutcome;
import dev.strata.domain.run.api.DarwinCacheRestored;
import dev.strata.domain.run.api.DarwinCacheSaved;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.trigger.api.RunId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The Darwin agent's cache reports over HTTP: restores, saves (PR runs too) and evictions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DarwinCacheReportsIntegrationTest {
  private static final String AT = "2026-11-02T10:00:00Z";
  @TempDir static Path data;
  private TestPlatform platform;
  private String agent;

  @BeforeAll
  void start() throws Exception {
    platform = TestPlatform.start(data);
    HttpResponse<String> r =
        platform.post(
            "/v1/agents/register",
            AGENT,
            new JsonObject()
                .put("name", "mac-1")
                .put("runnerClasses", new JsonArray().add("macos-latest"))
                .encode());
    agent = new JsonObject(r.body()).getString("agentId");
  }

  @AfterAll
  void stop() {
    platform.close();
  }

  private RunId darwinRun(String delivery, String event, JsonObject payload) throws Exception {
    HttpResponse<String> r =
        platform.post(
            "/v1/triggers",
            CI,
            new JsonObject()
                .put("deliveryId", delivery)
                .put("event", event)
                .put("repository", "mudler/LocalAI")
                .put("payload", payload)
                .encode());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    RunId run = RunId.of(new JsonObject(r.body()).getString("runId"));
    Map<String, Scalar> fields = new LinkedHashMap<>();
    fields.put("backend", Scalar.string("vllm"));
    fields.put("tag-suffix", Scalar.string("-metal-darwin-arm64-vllm"));
    platform
        .runtime
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
                        TagSuffix.of("-metal-darwin-arm64-vllm"),
                        true,
                        fields)),
                List.of(),
                List.of("vllm"),
                List.of("path:backend/python/vllm/"),
                Instant.now()));
    return run;
  }

  private String legPath(RunId run, String op) {
    return "/v1/agents/"
        + agent
        + "/legs/"
        + URLEncoder.encode(run + ":darwin:vllm", StandardCharsets.UTF_8)
        + "/"
        + op;
  }

  private List<Object> events(String aggregate) {
    List<Object> out = new ArrayList<>();
    var stream = platform.runtime.eventStore().readEvents(aggregate);
    while (stream.hasNext()) {
      out.add(stream.next().getPayload());
    }
    return out;
  }

  @Test
  void restoreReport_becomesDarwinCacheRestored_withTheAgentsTime() throws Exception {
    RunId run =
        darwinRun(
            "d-restore", "push", TestPlatform.githubPush("refs/heads/master", sha('0'), sha('d')));

    HttpResponse<String> r =
        platform.post(
            legPath(run, "cache-restores"),
            AGENT,
            new JsonObject()
                .put("cache", "wheels")
                .put("key", "pyenv-darwin-vllm-2026-W45-ab")
                .put("outcome", "partial")
                .put("matchedKey", "pyenv-darwin-vllm-2026-W44-cd")
                .put("bytes", 1234)
                .put("at", AT)
                .encode());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(events(run.value()))
        .contains(
            new DarwinCacheRestored(
                run,
                LegId.darwin("vllm"),
                "wheels",
                "pyenv-darwin-vllm-2026-W45-ab",
                CacheOutcome.PARTIAL,
                "pyenv-darwin-vllm-2026-W44-cd",
                1234,
                Instant.parse(AT)));
  }

  @Test
  void saveReportedByAPullRequestLeg_isRecordedNotDropped_soTheAuditCanFlagIt() throws Exception {
    RunId run =
        darwinRun(
            "d-pr", "pull_request", TestPlatform.githubPullRequest("opened", 77, sha('e'), false));

    HttpResponse<String> gated =
        platform.post(
            legPath(run, "cache-saves"),
            AGENT,
            new JsonObject()
                .put("cache", "homebrew")
                .put("key", "brew-macOS-ARM64-v1-ab")
                .put("bytes", 10)
                .put("gated", true)
                .put("at", AT)
                .encode());
    HttpResponse<String> ungated =
        platform.post(
            legPath(run, "cache-saves"),
            AGENT,
            new JsonObject()
                .put("cache", "go")
                .put("key", "setup-go-macOS-arm64-go-1.25.3-ab")
                .put("bytes", 20)
                .put("gated", false)
                .put("at", AT)
                .encode());

    assertThat(gated.statusCode()).as(gated.body()).isEqualTo(201);
    assertThat(ungated.statusCode()).as(ungated.body()).isEqualTo(201);
    assertThat(events(run.value()).stream().filter(DarwinCacheSaved.class::isInstance))
        .extracting(
            e -> ((DarwinCacheSaved) e).cache() + " gated=" + ((DarwinCacheSaved) e).gated())
        .containsExactly("homebrew gated=true", "go gated=false");
  }

  @Test
  void evictionReport_becomesCacheEvicted() throws Exception {
    HttpResponse<String> r =
        platform.post(
            "/v1/agents/" + agent + "/cache-evictions",
            AGENT,
            new JsonObject()
                .put("evictionId", "ev-gw-1")
                .put("store", "dir:/var/cache")
                .put("key", "pyenv-darwin-vllm-2026-W40-ab")
                .put("bytes", 500)
                .put("reason", "budget: over 10 GB; least recently used")
                .put("evictedBy", "budget")
                .put("at", AT)
                .encode());

    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(events("ev-gw-1")).singleElement().isInstanceOf(CacheEvicted.class);
    CacheEvicted e = (CacheEvicted) events("ev-gw-1").get(0);
    assertThat(e.ref()).isEqualTo("pyenv-darwin-vllm-2026-W40-ab");
    assertThat(e.evictedBy()).isEqualTo("budget");
    assertThat(e.bytes()).isEqualTo(500);
  }

  @Test
  void reportsAreChecked_againstTheSchemaTheLegAndTheToken() throws Exception {
    RunId run =
        darwinRun(
            "d-bad", "push", TestPlatform.githubPush("refs/heads/master", sha('0'), sha('f')));
    String body =
        new JsonObject()
            .put("cache", "go")
            .put("key", "k")
            .put("outcome", "great")
            .put("bytes", 1)
            .put("at", AT)
            .encode();

    assertThat(platform.post(legPath(run, "cache-restores"), AGENT, body).statusCode())
        .isEqualTo(400);
    assertThat(platform.post(legPath(run, "cache-restores"), CI, body).statusCode()).isEqualTo(403);
    String linuxLeg =
        "/v1/agents/"
            + agent
            + "/legs/"
            + URLEncoder.encode(run + ":-cpu-vllm@amd64", StandardCharsets.UTF_8)
            + "/cache-saves";
    HttpResponse<String> notDarwin =
        platform.post(
            linuxLeg,
            AGENT,
            new JsonObject()
                .put("cache", "go")
                .put("key", "k")
                .put("bytes", 1)
                .put("gated", true)
                .put("at", AT)
                .encode());
    assertThat(notDarwin.statusCode()).isEqualTo(400);
    assertThat(notDarwin.body()).contains("is not a Darwin leg");
    HttpResponse<String> unknownLeg =
        platform.post(
            "/v1/agents/"
                + agent
                + "/legs/"
                + URLEncoder.encode(run + ":darwin:nope", StandardCharsets.UTF_8)
                + "/cache-saves",
            AGENT,
            new JsonObject()
                .put("cache", "go")
                .put("key", "k")
                .put("bytes", 1)
                .put("gated", true)
                .put("at", AT)
                .encode());
    assertThat(unknownLeg.statusCode()).as(unknownLeg.body()).isEqualTo(409);
  }
}
