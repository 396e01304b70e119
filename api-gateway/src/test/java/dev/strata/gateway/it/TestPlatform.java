package dev.strata.gateway.it;

import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.gateway.boot.GatewayModule;
import dev.strata.gateway.boot.GatewayOptions;
import dev.strata.gateway.boot.GatewayRole;
import dev.strata.gateway.boot.RunningGateway;
import dev.strata.runtime.DomainModule;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StrataConfig;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The embedded platform for gateway tests: a real Strata runtime on an H2 file store in a temp
 * directory, the gateway role on a free port, and an HTTP client.
 */
final class TestPlatform implements AutoCloseable {
  static final String CI = "ci-token-0123456789";
  static final String AGENT = "agent-token-0123456789";
  static final String ADMIN = "admin-token-0123456789";
  static final String SECRET = "webhook-secret-for-tests";

  final StrataRuntime runtime;
  final RunningGateway gateway;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final String base;

  private TestPlatform(StrataRuntime runtime, RunningGateway gateway) {
    this.runtime = runtime;
    this.gateway = gateway;
    this.base = "http://127.0.0.1:" + gateway.port();
  }

  static TestPlatform start(Path dataDir) throws Exception {
    return start(dataDir, b -> {});
  }

  static TestPlatform start(Path dataDir, Consumer<GatewayOptions.Builder> customize)
      throws Exception {
    return start(StrataConfig.defaults().withDataDir(dataDir), customize);
  }

  /** A platform on {@code config}'s event store (e.g. a PostgreSQL schema shared by several). */
  static TestPlatform start(StrataConfig config, Consumer<GatewayOptions.Builder> customize)
      throws Exception {
    StrataRuntime runtime =
        StrataRuntime.builder(config)
            .install(new DomainModule())
            .install(new GatewayModule())
            .build()
            .start();
    GatewayOptions.Builder options =
        GatewayOptions.builder()
            .port(0)
            .token("ci", CI)
            .token("agent", AGENT)
            .token("admin", ADMIN)
            .webhookSecret(SECRET)
            .sweepInterval(Duration.ofMillis(200));
    customize.accept(options);
    try {
      return new TestPlatform(runtime, GatewayRole.start(runtime.configuration(), options.build()));
    } catch (RuntimeException e) {
      runtime.close();
      throw e;
    }
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> webhook(String event, String delivery, String body, String signature)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/v1/webhooks/github"))
            .header("Content-Type", "application/json")
            .header("X-GitHub-Event", event)
            .header("X-GitHub-Delivery", delivery)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (signature != null) {
      b.header("X-Hub-Signature-256", signature);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String sign(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** Strata's trigger JSON for a push of {@code after} to master. */
  static String push(String delivery, String before, String after) {
    return new JsonObject()
        .put("deliveryId", delivery)
        .put("event", "push")
        .put("repository", "mudler/LocalAI")
        .put("payload", githubPush("refs/heads/master", before, after))
        .encode();
  }

  static JsonObject githubPush(String ref, String before, String after) {
    return new JsonObject()
        .put("ref", ref)
        .put("before", before)
        .put("after", after)
        .put("repository", new JsonObject().put("full_name", "mudler/LocalAI"));
  }

  static JsonObject githubPullRequest(String action, int number, String head, boolean fork) {
    return new JsonObject()
        .put("action", action)
        .put("number", number)
        .put(
            "pull_request",
            new JsonObject()
                .put("merge_commit_sha", null)
                .put(
                    "head",
                    new JsonObject()
                        .put("sha", head)
                        .put(
                            "repo",
                            new JsonObject()
                                .put("full_name", fork ? "someone/LocalAI" : "mudler/LocalAI")))
                .put(
                    "base",
                    new JsonObject()
                        .put("sha", sha('b'))
                        .put("repo", new JsonObject().put("full_name", "mudler/LocalAI"))))
        .put("repository", new JsonObject().put("full_name", "mudler/LocalAI"));
  }

  static String sha(char c) {
    return String.valueOf(c).repeat(40);
  }

  /** Plays the matrix-service: records a plan with {@code legs} on {@code runnerClass}. */
  void plan(RunId run, String runnerClass, String... legs) {
    List<PlannedLeg> planned = new ArrayList<>();
    List<LegId> ids = new ArrayList<>();
    for (String leg : legs) {
      LegId id = LegId.of(leg);
      ids.add(id);
      Map<String, Scalar> fields = new LinkedHashMap<>();
      fields.put("tag-suffix", Scalar.string(leg.substring(0, leg.indexOf('@'))));
      fields.put("backend", Scalar.string("vllm"));
      planned.add(
          new PlannedLeg(
              id,
              RunnerClass.of(runnerClass),
              TagSuffix.of(leg.substring(0, leg.indexOf('@'))),
              false,
              fields));
    }
    runtime
        .commandGateway()
        .sendAndWait(
            new RecordMatrix(
                run,
                "backend",
                false,
                "",
                planned,
                List.of(new MergeGroup(planned.get(0).mergeGroup(), "auto", ids, ids)),
                List.of("vllm"),
                List.of("path:backend/python/vllm/"),
                Instant.now()));
  }

  /** Waits up to 10 s for {@code condition}. */
  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    try {
      gateway.close();
    } finally {
      runtime.close();
    }
  }
}
