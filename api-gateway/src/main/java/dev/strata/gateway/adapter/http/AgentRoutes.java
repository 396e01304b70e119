package dev.strata.gateway.adapter.http;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.gateway.core.AgentRegistry;
import dev.strata.gateway.core.AgentService;
import dev.strata.gateway.core.ClaimTicket;
import dev.strata.gateway.core.LegRef;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agent API: register, heartbeat, long-poll claim, progress, result, failure. */
final class AgentRoutes {
  private final AgentService agents;
  private final AgentRegistry registry;
  private final Duration maxWait;
  private final Duration lease;

  AgentRoutes(AgentService agents, AgentRegistry registry, Duration maxWait, Duration lease) {
    this.agents = agents;
    this.registry = registry;
    this.maxWait = maxWait;
    this.lease = lease;
  }

  void register(RoutingContext rc) {
    JsonObject body = rc.body().asJsonObject();
    List<RunnerClass> classes = new ArrayList<>();
    JsonArray raw = body.getJsonArray("runnerClasses");
    for (int i = 0; i < raw.size(); i++) {
      classes.add(BadRequest.parse("/runnerClasses/" + i, raw.getString(i), RunnerClass::of));
    }
    Replies.when(
        rc,
        agents.register(body.getString("name"), classes),
        id ->
            Replies.json(
                rc,
                201,
                Map.of(
                    "agentId", id.value(),
                    "leaseSeconds", lease.toSeconds(),
                    "maxWaitSeconds", maxWait.toSeconds())));
  }

  void list(RoutingContext rc) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AgentRegistry.AgentInfo a : registry.list()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("agentId", a.agentId().value());
      m.put("name", a.name());
      m.put("runnerClasses", a.runnerClasses());
      m.put("registeredAt", a.registeredAt());
      registry.lastSeen(a.agentId()).ifPresent(t -> m.put("lastSeen", t));
      out.add(m);
    }
    Replies.json(rc, 200, Map.of("agents", out));
  }

  void heartbeat(RoutingContext rc) {
    Replies.when(
        rc, agents.heartbeat(agentId(rc)), n -> Replies.json(rc, 200, Map.of("leasesExtended", n)));
  }

  void claim(RoutingContext rc) {
    AgentId agent = agentId(rc);
    JsonObject body = rc.body().isEmpty() ? new JsonObject() : rc.body().asJsonObject();
    long seconds = Math.min(body.getLong("waitSeconds", maxWait.toSeconds()), maxWait.toSeconds());
    ClaimTicket ticket = agents.claim(agent, Duration.ofSeconds(seconds));
    rc.response().closeHandler(v -> ticket.cancel());
    Replies.when(
        rc,
        ticket.result(),
        leg -> {
          if (leg.isPresent()) {
            Replies.json(rc, 200, leg.get());
          } else {
            rc.response().setStatusCode(204).end();
          }
        });
  }

  void progress(RoutingContext rc) {
    AgentId agent = agentId(rc);
    LegRef leg = leg(rc);
    JsonObject body = rc.body().asJsonObject();
    List<String> lines = new ArrayList<>();
    if (body.getString("step") != null) {
      lines.add("[step] " + body.getString("step"));
    }
    JsonArray raw = body.getJsonArray("lines", new JsonArray());
    raw.forEach(l -> lines.add(String.valueOf(l)));
    Replies.when(
        rc,
        agents.progress(agent, leg, lines),
        held -> {
          if (!held) {
            throw new dev.strata.domain.run.api.RunRefusedException(
                "Tried to extend the lease of "
                    + leg
                    + " for agent "
                    + agent
                    + " but failed because: the agent no longer holds it; stop building it");
          }
          Replies.json(rc, 200, Map.of("leaseExtended", true));
        });
  }

  void result(RoutingContext rc) {
    AgentId agent = agentId(rc);
    LegRef leg = leg(rc);
    Replies.when(
        rc,
        agents.result(agent, leg, LegBodies.result(rc.body().asJsonObject())),
        ok -> Replies.json(rc, 200, Map.of("recorded", true, "leg", leg.toString())));
  }

  void failure(RoutingContext rc) {
    AgentId agent = agentId(rc);
    LegRef leg = leg(rc);
    Replies.when(
        rc,
        agents.failure(agent, leg, LegBodies.failure(rc.body().asJsonObject())),
        ok -> Replies.json(rc, 200, Map.of("recorded", true, "leg", leg.toString())));
  }

  private static AgentId agentId(RoutingContext rc) {
    return BadRequest.parse("agentId", rc.pathParam("agentId"), AgentId::of);
  }

  private static LegRef leg(RoutingContext rc) {
    return BadRequest.parse("leg", rc.pathParam("leg"), LegRef::parse);
  }
}
