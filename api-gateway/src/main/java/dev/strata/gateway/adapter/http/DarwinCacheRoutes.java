package dev.strata.gateway.adapter.http;

import dev.strata.domain.cache.api.EvictCache;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.run.api.CacheOutcome;
import dev.strata.domain.run.api.RecordDarwinCacheRestore;
import dev.strata.domain.run.api.RecordDarwinCacheSave;
import dev.strata.gateway.core.AgentRegistry;
import dev.strata.gateway.core.Commands;
import dev.strata.gateway.core.LegRef;
import dev.strata.gateway.core.NotFound;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Darwin agent's native cache reports (DOMAIN.md 8.2, 8.6): {@code POST
 * /v1/agents/{agentId}/legs/{leg}/cache-restores} ({@code DarwinCacheRestored}), {@code
 * .../cache-saves} ({@code DarwinCacheSaved}) and {@code /v1/agents/{agentId}/cache-evictions}
 * ({@code CacheEvicted}). Each report is recorded as given: a save a pull request's leg reports is
 * recorded too, gated or not, so the audit can flag it (invariants 3 and 10) rather than the
 * gateway hiding it. {@code at} is the agent's clock, as the budget's last-access times are.
 */
final class DarwinCacheRoutes {
  private final Commands commands;
  private final AgentRegistry agents;
  private final Clock clock;

  DarwinCacheRoutes(Commands commands, AgentRegistry agents, Clock clock) {
    this.commands = commands;
    this.agents = agents;
    this.clock = clock;
  }

  /** Adds the three operations to {@code builder}. */
  static void mount(RouterBuilder builder, HttpApi.Parts parts) {
    DarwinCacheRoutes routes =
        new DarwinCacheRoutes(parts.commands(), parts.agents(), parts.clock());
    builder.getRoute("darwinCacheRestore").addHandler(routes::restored);
    builder.getRoute("darwinCacheSave").addHandler(routes::saved);
    builder.getRoute("darwinCacheEviction").addHandler(routes::evicted);
  }

  void restored(RoutingContext rc) {
    known(agentId(rc));
    LegRef leg = darwinLeg(rc);
    JsonObject b = rc.body().asJsonObject();
    CacheOutcome outcome = CacheOutcome.valueOf(b.getString("outcome").toUpperCase(Locale.ROOT));
    String matched = b.getString("matchedKey");
    Replies.when(
        rc,
        commands.send(
            new RecordDarwinCacheRestore(
                leg.runId(),
                leg.legId(),
                b.getString("cache"),
                b.getString("key"),
                outcome,
                matched == null || matched.isEmpty() ? null : matched,
                b.getLong("bytes"),
                at(b))),
        ok -> recorded(rc, leg.toString()));
  }

  void saved(RoutingContext rc) {
    known(agentId(rc));
    LegRef leg = darwinLeg(rc);
    JsonObject b = rc.body().asJsonObject();
    Replies.when(
        rc,
        commands.send(
            new RecordDarwinCacheSave(
                leg.runId(),
                leg.legId(),
                b.getString("cache"),
                b.getString("key"),
                b.getLong("bytes"),
                b.getBoolean("gated"),
                at(b))),
        ok -> recorded(rc, leg.toString()));
  }

  void evicted(RoutingContext rc) {
    known(agentId(rc));
    JsonObject b = rc.body().asJsonObject();
    Replies.when(
        rc,
        commands.send(
            new EvictCache(
                b.getString("evictionId"),
                b.getString("store"),
                b.getString("key"),
                null,
                List.of(),
                b.getString("reason"),
                b.getString("evictedBy"),
                b.getLong("bytes"),
                at(b))),
        ok ->
            Replies.json(
                rc, 201, Map.of("recorded", true, "evictionId", b.getString("evictionId"))));
  }

  private static void recorded(RoutingContext rc, String leg) {
    Replies.json(rc, 201, Map.of("recorded", true, "leg", leg));
  }

  private void known(AgentId agent) {
    if (agents.find(agent).isEmpty()) {
      throw new NotFound(
          "Agent " + agent + " is not registered; register first with POST /v1/agents/register");
    }
    agents.seen(agent, clock.instant());
  }

  private Instant at(JsonObject body) {
    String raw = body.getString("at");
    return raw == null ? clock.instant() : BadRequest.parse("/at", raw, Instant::parse);
  }

  private static AgentId agentId(RoutingContext rc) {
    return BadRequest.parse("agentId", rc.pathParam("agentId"), AgentId::of);
  }

  private static LegRef darwinLeg(RoutingContext rc) {
    LegRef leg = BadRequest.parse("leg", rc.pathParam("leg"), LegRef::parse);
    if (!leg.legId().isDarwin()) {
      throw new BadRequest(
          "leg",
          "leg "
              + leg
              + " is not a Darwin leg; native cache reports name a leg <run>:darwin:<backend>");
    }
    return leg;
  }
}
