package dev.strata.gateway.adapter.http;

import dev.strata.gateway.core.GatewayHealth;
import dev.strata.gateway.core.GatewayMetrics;
import dev.strata.gateway.core.RunBoard;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Operations: {@code /health}, {@code /metrics}, the OpenAPI document and the status page. */
final class OpsRoutes {
  private final GatewayHealth health;
  private final GatewayMetrics metrics;
  private final PrometheusMeterRegistry registry;
  private final Executor blocking;
  private final Buffer openApi;
  private final StatusPage page;
  private final RunBoard board;

  OpsRoutes(
      GatewayHealth health,
      GatewayMetrics metrics,
      PrometheusMeterRegistry registry,
      Executor blocking,
      Buffer openApi,
      RunBoard board) {
    this.health = health;
    this.metrics = metrics;
    this.registry = registry;
    this.blocking = blocking;
    this.openApi = openApi;
    this.page = new StatusPage(board);
    this.board = board;
  }

  void health(RoutingContext rc) {
    Replies.when(
        rc,
        CompletableFuture.supplyAsync(health::check, blocking),
        report -> Replies.json(rc, report.up() ? 200 : 503, report));
  }

  void metrics(RoutingContext rc) {
    Replies.when(
        rc,
        CompletableFuture.supplyAsync(
            () -> {
              metrics.refresh(health.check());
              return registry.scrape();
            },
            blocking),
        text ->
            rc.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .end(text));
  }

  void openApi(RoutingContext rc) {
    Replies.json(rc, 200, openApi);
  }

  void page(RoutingContext rc) {
    String html = "1".equals(rc.queryParams().get("fragment")) ? page.content() : page.page();
    rc.response().putHeader("Content-Type", "text/html; charset=utf-8").end(html);
  }

  void stream(RoutingContext rc) {
    Sse.open(rc);
    Sse.follow(
        rc,
        board,
        (e, seq) ->
            Sse.send(
                rc.response(),
                "run",
                -1,
                ApiJson.string(
                    Map.of("runId", e.runId().value(), "type", e.getClass().getSimpleName()))));
  }
}
