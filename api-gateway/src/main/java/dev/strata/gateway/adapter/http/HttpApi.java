package dev.strata.gateway.adapter.http;

import dev.strata.gateway.core.AgentRegistry;
import dev.strata.gateway.core.AgentService;
import dev.strata.gateway.core.Commands;
import dev.strata.gateway.core.EventLog;
import dev.strata.gateway.core.GatewayHealth;
import dev.strata.gateway.core.GatewayMetrics;
import dev.strata.gateway.core.RunBoard;
import dev.strata.gateway.core.TriggerAdmission;
import dev.strata.gateway.port.AuditReports;
import dev.strata.gateway.port.CacheEvictions;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Every route in one place. The {@code /v1} API comes from the OpenAPI document ({@code
 * openapi.json}, also served at {@code /v1/openapi.json}): the router validates each request
 * against it before a handler runs. Root handlers, in order: metrics (and operation look-up),
 * bearer-token roles, the body limit, the webhook signature. One failure handler answers every
 * error as problem+json.
 */
public final class HttpApi {
  static final String OPENAPI_RESOURCE = "/dev/strata/gateway/openapi.json";

  /** What the routes need; built by the composition root. */
  public record Parts(
      RunBoard board,
      EventLog log,
      Commands commands,
      TriggerAdmission admission,
      AgentService agentService,
      AgentRegistry agents,
      GatewayHealth health,
      PrometheusMeterRegistry registry,
      Executor blocking,
      Clock clock,
      AuditReports audit,
      CacheEvictions cache) {}

  /** Settings of the HTTP edge. */
  public record Settings(
      Map<String, List<String>> tokensByRole,
      String webhookSecret,
      long bodyLimitBytes,
      Duration maxClaimWait,
      Duration lease,
      List<String> defaultPipelines) {}

  private HttpApi() {}

  /** Builds the router; fails when the OpenAPI document does not load. */
  public static Future<Router> router(Vertx vertx, Parts parts, Settings settings) {
    Buffer document = openApiDocument();
    return OpenAPIContract.from(vertx, new JsonObject(document))
        .map(contract -> build(vertx, contract, document, parts, settings));
  }

  private static Router build(
      Vertx vertx, OpenAPIContract contract, Buffer document, Parts p, Settings s) {
    Authorizer auth = new Authorizer(s.tokensByRole(), s.webhookSecret());
    TriggerRoutes triggers =
        new TriggerRoutes(p.admission(), new GithubPayloads(contract), s.defaultPipelines());
    RunRoutes runs = new RunRoutes(p.board(), p.log(), p.commands(), p.blocking(), p.clock());
    AdminRoutes admin = new AdminRoutes(p.audit(), p.cache(), p.blocking());
    AgentRoutes agents = new AgentRoutes(p.agentService(), p.agents(), s.maxClaimWait(), s.lease());
    OpsRoutes ops =
        new OpsRoutes(
            p.health(),
            new GatewayMetrics(p.registry(), p.board()),
            p.registry(),
            p.blocking(),
            document,
            p.board());

    RouterBuilder builder =
        RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
    builder.rootHandler(new HttpMetrics(contract, p.registry()));
    builder.rootHandler(auth.bearer());
    builder.rootHandler(BodyHandler.create(false).setBodyLimit(s.bodyLimitBytes()));
    builder.rootHandler(auth.hmac());
    on(builder, "submitTrigger", triggers::submit);
    on(builder, "githubWebhook", triggers::webhook);
    on(builder, "listRuns", runs::list);
    on(builder, "getRun", runs::get);
    on(builder, "getRunEvents", runs::events);
    on(builder, "cancelRun", runs::cancel);
    on(builder, "listAgents", agents::list);
    on(builder, "registerAgent", agents::register);
    on(builder, "agentHeartbeat", agents::heartbeat);
    on(builder, "claimLeg", agents::claim);
    on(builder, "legProgress", agents::progress);
    on(builder, "legResult", agents::result);
    on(builder, "legFailure", agents::failure);
    on(builder, "getAudit", admin::audit);
    on(builder, "evictCache", admin::evictCache);
    on(builder, "getOpenApi", ops::openApi);
    builder.getRoutes().forEach(r -> r.setDoSecurity(false));

    Router router = builder.createRouter();
    router.get("/").handler(ops::page);
    router.get("/health").handler(ops::health);
    router.get("/metrics").handler(ops::metrics);
    router.get("/status/stream").handler(ops::stream);
    Problems problems = new Problems();
    router.route().failureHandler(problems);
    router.errorHandler(404, rc -> Problems.write(rc, 404, "Not found", null, null));
    router.errorHandler(405, rc -> Problems.write(rc, 405, "Method not allowed", null, null));
    return router;
  }

  private static void on(RouterBuilder builder, String operation, Handler<RoutingContext> h) {
    builder.getRoute(operation).addHandler(h);
  }

  static Buffer openApiDocument() {
    try (InputStream in = HttpApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The class path lacks " + OPENAPI_RESOURCE);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
