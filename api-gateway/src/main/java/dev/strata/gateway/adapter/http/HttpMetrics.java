package dev.strata.gateway.adapter.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.Set;

/**
 * The first root handler: finds the request's OpenAPI operation (for the authorizer) and times the
 * request into {@code strata_http_requests_seconds{operation,method,status}}.
 */
final class HttpMetrics implements PlatformHandler {
  static final String OPERATION = "strata.operation";
  private static final Set<String> FIXED = Set.of("/", "/health", "/metrics", "/status/stream");

  private final OpenAPIContract contract;
  private final MeterRegistry registry;

  HttpMetrics(OpenAPIContract contract, MeterRegistry registry) {
    this.contract = contract;
    this.registry = registry;
  }

  @Override
  public void handle(RoutingContext rc) {
    long start = System.nanoTime();
    Operation op = contract.findOperation(rc.normalizedPath(), rc.request().method());
    if (op != null) {
      rc.put(OPERATION, op);
    }
    String name =
        op != null
            ? op.getOperationId()
            : FIXED.contains(rc.normalizedPath()) ? rc.normalizedPath() : "unmatched";
    rc.addEndHandler(
        x ->
            Timer.builder("strata.http.requests")
                .description("HTTP requests by operation, method and status")
                .tag("operation", name)
                .tag("method", rc.request().method().name())
                .tag("status", Integer.toString(rc.response().getStatusCode()))
                .publishPercentileHistogram()
                .register(registry)
                .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS));
    rc.next();
  }
}
