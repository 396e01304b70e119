package dev.strata.gateway.it;

import static dev.strata.gateway.it.TestPlatform.ADMIN;
import static dev.strata.gateway.it.TestPlatform.CI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.image.api.Digest;
import dev.strata.gateway.port.CacheEvictions;
import dev.strata.gateway.port.CacheEvictions.EvictionFailed;
import dev.strata.gateway.port.CacheEvictions.Failure;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /v1/audit} and {@code DELETE /v1/cache/{ref}} over real HTTP, with stub ports: admin
 * only, parameters validated into value types before a port sees them, port failures mapped to
 * status codes, and 503 saying what to configure when the launcher wired nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminIntegrationTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);
  private static final String REF = "127.0.0.1:5000/ci-cache:cache-cpu-vllm-amd64";

  @TempDir static Path dir;
  private TestPlatform wired;
  private TestPlatform bare;
  private final List<AuditQuery> queries = new CopyOnWriteArrayList<>();
  private final List<String> evictions = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws Exception {
    CacheEvictions cache =
        (ref, reason, by, force) -> {
          evictions.add(ref + " | " + reason + " | " + by + " | " + force);
          return switch (ref.tag()) {
            case "absent" ->
                throw new EvictionFailed(Failure.NOT_FOUND, "no such tag " + ref, null);
            case "shared" ->
                throw new EvictionFailed(
                    Failure.SHARED_DIGEST, "also carries [other]; use force", null);
            default -> new CacheEvictions.Evicted(ref, Digest.of(DIGEST), List.of("cache-alias"));
          };
        };
    wired =
        TestPlatform.start(
            dir.resolve("wired"),
            o ->
                o.auditReports(
                        q -> {
                          queries.add(q);
                          return "{\"query\":{},\"invariants\":[],\"violations\":[]}";
                        })
                    .cacheEvictions(cache));
    bare = TestPlatform.start(dir.resolve("bare"));
  }

  @AfterAll
  void stop() {
    wired.close();
    bare.close();
  }

  @Test
  void audit_answersTheReportForTheValidatedQuery() throws Exception {
    String run = "r" + "a".repeat(25);
    HttpResponse<String> r =
        wired.get("/v1/audit?from=2026-11-01T00:00:00Z&to=2026-11-29T06:00:00Z&run=" + run, ADMIN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(new JsonObject(r.body()).getJsonArray("violations")).isEmpty();
    assertThat(queries)
        .contains(
            new AuditQuery(
                Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-29T06:00:00Z"),
                dev.strata.domain.trigger.api.RunId.of(run)));
  }

  @Test
  void audit_isForAdminsOnly() throws Exception {
    assertThat(wired.get("/v1/audit", CI).statusCode()).isEqualTo(403);
    assertThat(wired.get("/v1/audit", null).statusCode()).isEqualTo(401);
  }

  @Test
  void audit_badInstantOrRange_is400NamingTheParameter() throws Exception {
    HttpResponse<String> bad = wired.get("/v1/audit?from=yesterday", ADMIN);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(bad.body()).contains("from: 'yesterday' is not an instant");

    HttpResponse<String> reversed =
        wired.get("/v1/audit?from=2026-11-29T00:00:00Z&to=2026-11-01T00:00:00Z", ADMIN);
    assertThat(reversed.statusCode()).isEqualTo(400);
    assertThat(reversed.body()).contains("is before");
  }

  @Test
  void audit_notWired_is503SayingWhatToConfigure() throws Exception {
    HttpResponse<String> r = bare.get("/v1/audit", ADMIN);

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(new JsonObject(r.body()).getString("detail")).contains("strata serve");
  }

  @Test
  void evictCache_answersTheDigestAndTheTagsThatWentWithIt() throws Exception {
    HttpResponse<String> r = delete(wired, REF, "?reason=stale%20wheels&force=true", ADMIN);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonObject body = new JsonObject(r.body());
    assertThat(body.getString("ref")).isEqualTo(REF);
    assertThat(body.getString("digest")).isEqualTo(DIGEST);
    assertThat(body.getJsonArray("alsoRemoved").encode()).isEqualTo("[\"cache-alias\"]");
    assertThat(evictions).contains(REF + " | stale wheels | api:admin | true");
  }

  @Test
  void evictCache_absentTagIs404_sharedDigestWithoutForceIs409() throws Exception {
    HttpResponse<String> absent = delete(wired, "127.0.0.1:5000/ci-cache:absent", "", ADMIN);
    assertThat(absent.statusCode()).isEqualTo(404);
    assertThat(absent.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(absent.body()).contains("no such tag");

    HttpResponse<String> shared = delete(wired, "127.0.0.1:5000/ci-cache:shared", "", ADMIN);
    assertThat(shared.statusCode()).isEqualTo(409);
    assertThat(shared.body()).contains("use force");
  }

  @Test
  void evictCache_invalidRefIs400AndNeverReachesThePort() throws Exception {
    int before = evictions.size();

    HttpResponse<String> r = delete(wired, "127.0.0.1:5000/ci-cache@" + DIGEST, "", ADMIN);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("ref: Invalid cache ref");
    assertThat(evictions).hasSize(before);
  }

  @Test
  void evictCache_isForAdminsOnly_and503WithoutTheMergeRole() throws Exception {
    assertThat(delete(wired, REF, "", CI).statusCode()).isEqualTo(403);
    assertThat(delete(wired, REF, "", null).statusCode()).isEqualTo(401);

    HttpResponse<String> r = delete(bare, REF, "", ADMIN);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(new JsonObject(r.body()).getString("detail")).contains("merge.yml");
  }

  private static HttpResponse<String> delete(TestPlatform p, String ref, String query, String token)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create(
                    p.base + "/v1/cache/" + URLEncoder.encode(ref, StandardCharsets.UTF_8) + query))
            .DELETE();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return p.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
