package dev.strata.gateway.adapter.http;

import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.gateway.port.AuditReports;
import dev.strata.gateway.port.CacheEvictions;
import dev.strata.gateway.port.CacheEvictions.EvictionFailed;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Administrative routes backed by other services through ports: {@code GET /v1/audit} and {@code
 * DELETE /v1/cache/{ref}}. Both block (a replay, a registry), so they run on worker threads. A port
 * the launcher did not wire answers 503 saying what to configure.
 */
final class AdminRoutes {
  private final AuditReports audit;
  private final CacheEvictions cache;
  private final Executor blocking;

  /**
   * @param audit the audit port, or null when this process has none
   * @param cache the cache eviction port, or null when the merge role is not configured
   */
  AdminRoutes(AuditReports audit, CacheEvictions cache, Executor blocking) {
    this.audit = audit;
    this.cache = cache;
    this.blocking = blocking;
  }

  void audit(RoutingContext rc) {
    if (audit == null) {
      Problems.write(
          rc,
          503,
          "Audit not configured",
          "This gateway has no audit wired in: run it through the launcher (strata serve), which"
              + " connects GET /v1/audit to the audit of the event store",
          null);
      return;
    }
    Instant from = instant(rc, "from");
    Instant to = instant(rc, "to");
    String rawRun = rc.queryParams().get("run");
    RunId run = rawRun == null ? null : BadRequest.parse("run", rawRun, RunId::of);
    AuditQuery query;
    try {
      query = new AuditQuery(from, to, run);
    } catch (IllegalArgumentException e) {
      throw new BadRequest("to", e.getMessage());
    }
    Replies.when(
        rc,
        CompletableFuture.supplyAsync(() -> audit.reportJson(query), blocking),
        json ->
            rc.response()
                .setStatusCode(200)
                .putHeader("Content-Type", "application/json")
                .end(json));
  }

  void evictCache(RoutingContext rc) {
    if (cache == null) {
      Problems.write(
          rc,
          503,
          "Cache eviction not configured",
          "This gateway has no registry settings: start strata serve with the merge role's"
              + " merge.yml (--merge-config FILE) to evict cache tags",
          null);
      return;
    }
    CacheRef ref = BadRequest.parse("ref", rc.pathParam("ref"), CacheRef::parse);
    String reason = rc.queryParams().get("reason");
    String why = reason == null || reason.isBlank() ? "evicted through the API" : reason;
    boolean force = "true".equals(rc.queryParams().get("force"));
    Replies.when(
        rc,
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return cache.evict(ref, why, "api:admin", force);
              } catch (EvictionFailed e) {
                throw new CompletionException(e);
              }
            },
            blocking),
        evicted -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("ref", evicted.ref().toString());
          body.put("digest", evicted.digest().toString());
          body.put("alsoRemoved", evicted.alsoRemoved());
          body.put("reason", why);
          Replies.json(rc, 200, body);
        });
  }

  private static Instant instant(RoutingContext rc, String name) {
    String raw = rc.queryParams().get(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new BadRequest(
          name, "'" + raw + "' is not an instant; write UTC like 2026-11-29T06:00:00Z");
    }
  }
}
