package dev.strata.gateway.core;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.AgentRegistered;
import dev.strata.domain.leg.api.RunnerClass;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered agents (from {@code AgentRegistered} events, and from this process's own registrations
 * before their event arrives) and when each was last heard from.
 */
public final class AgentRegistry {
  private final Map<AgentId, AgentInfo> agents = new ConcurrentHashMap<>();
  private final Map<AgentId, Instant> lastSeen = new ConcurrentHashMap<>();

  /** A registered agent. */
  public record AgentInfo(
      AgentId agentId, String name, List<RunnerClass> runnerClasses, Instant registeredAt) {}

  public void registered(AgentRegistered e) {
    agents.putIfAbsent(
        e.agentId(), new AgentInfo(e.agentId(), e.name(), e.runnerClasses(), e.at()));
    lastSeen.putIfAbsent(e.agentId(), e.at());
  }

  public void seen(AgentId agent, Instant at) {
    lastSeen.put(agent, at);
  }

  public Optional<AgentInfo> find(AgentId agent) {
    return Optional.ofNullable(agents.get(agent));
  }

  public Optional<Instant> lastSeen(AgentId agent) {
    return Optional.ofNullable(lastSeen.get(agent));
  }

  public List<AgentInfo> list() {
    return agents.values().stream().sorted(Comparator.comparing(AgentInfo::registeredAt)).toList();
  }

  public void clear() {
    agents.clear();
    lastSeen.clear();
  }
}
