package dev.strata.darwin.adapter.http;

import dev.strata.darwin.port.ClaimedLeg;
import dev.strata.darwin.port.ControlPlane;
import dev.strata.darwin.port.ControlPlaneException;
import dev.strata.domain.cache.api.EvictCache;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordDarwinCacheRestore;
import dev.strata.domain.run.api.RecordDarwinCacheSave;
import dev.strata.domain.run.api.RecordLegFailure;
import dev.strata.domain.run.api.RecordLegVerified;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.runtime.agent.CacheEvictionReport;
import dev.strata.runtime.agent.CacheRestoreReport;
import dev.strata.runtime.agent.CacheSaveReport;
import dev.strata.runtime.agent.GatewayClient;
import dev.strata.runtime.agent.GatewayException;
import dev.strata.runtime.agent.LegFailureReport;
import dev.strata.runtime.agent.LegResultReport;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Darwin agent's {@link ControlPlane} over the gateway's agent API. Reports travel as the agent
 * API's JSON ({@link GatewayClient}); the leg reference of the paths is {@code <run>:<leg>}.
 * Transient failures (no answer, 429, 5xx) are retried twice with a pause; a refusal (4xx) is not.
 * A claimed leg that is not a Darwin leg is reported failed and not handed over.
 */
public final class GatewayControlPlane implements ControlPlane {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayControlPlane.class);
  private static final int ATTEMPTS = 3;

  /** One call to the gateway. */
  @FunctionalInterface
  private interface Call<T> {
    T run() throws GatewayException, InterruptedException;
  }

  private final GatewayClient gateway;
  private final Duration retryPause;
  private volatile AgentId agent;

  /**
   * @param retryPause the pause before the first retry (doubled before the second)
   */
  public GatewayControlPlane(GatewayClient gateway, Duration retryPause) {
    this.gateway = gateway;
    this.retryPause = retryPause;
  }

  @Override
  public AgentId register(String name, List<RunnerClass> runnerClasses)
      throws ControlPlaneException {
    AgentId id = call(() -> gateway.register(name, runnerClasses)).agentId();
    agent = id;
    return id;
  }

  @Override
  public Optional<ClaimedLeg> claim(AgentId agent, Duration wait) throws ControlPlaneException {
    Optional<dev.strata.runtime.agent.ClaimedLeg> claimed = call(() -> gateway.claim(agent, wait));
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    dev.strata.runtime.agent.ClaimedLeg c = claimed.get();
    try {
      return Optional.of(toDarwin(c));
    } catch (IllegalArgumentException e) {
      String reason =
          "Tried to build "
              + c.leg()
              + " on a Darwin agent but failed because: "
              + e.getMessage()
              + "; register Darwin agents only for the Darwin runner class";
      LOG.warn(reason);
      call(
          () -> {
            gateway.failure(agent, c.leg(), new LegFailureReport("claim", reason, List.of()));
            return null;
          });
      return Optional.empty();
    }
  }

  /** The Darwin view of a claimed leg; throws when it is not a Darwin leg. */
  static ClaimedLeg toDarwin(dev.strata.runtime.agent.ClaimedLeg c) {
    if (!c.darwin()) {
      throw new IllegalArgumentException("leg " + c.legId() + " is not a Darwin leg");
    }
    DarwinEntry entry = new DarwinEntry(c.fields());
    if (entry.backend().isEmpty()) {
      throw new IllegalArgumentException("leg " + c.legId() + " has no backend field");
    }
    return new ClaimedLeg(
        c.runId(), c.legId(), entry, c.trigger(), c.leaseUntil(), Math.max(0, c.attempt() - 1));
  }

  @Override
  public void heartbeat(AgentId agent) throws ControlPlaneException {
    call(() -> gateway.heartbeat(agent));
  }

  @Override
  public boolean progress(AgentId agent, ClaimedLeg leg, List<String> lines)
      throws ControlPlaneException {
    return call(() -> gateway.progress(agent, ref(leg.runId(), leg.legId()), null, lines));
  }

  @Override
  public void cacheRestored(RecordDarwinCacheRestore r) throws ControlPlaneException {
    AgentId me = registered();
    CacheRestoreReport report =
        new CacheRestoreReport(r.cache(), r.key(), r.outcome(), r.matchedKey(), r.bytes(), r.at());
    call(
        () -> {
          gateway.cacheRestored(me, ref(r.runId(), r.legId()), report);
          return null;
        });
  }

  @Override
  public void cacheSaved(RecordDarwinCacheSave s) throws ControlPlaneException {
    AgentId me = registered();
    CacheSaveReport report = new CacheSaveReport(s.cache(), s.key(), s.bytes(), s.gated(), s.at());
    call(
        () -> {
          gateway.cacheSaved(me, ref(s.runId(), s.legId()), report);
          return null;
        });
  }

  @Override
  public void cacheEvicted(EvictCache e) throws ControlPlaneException {
    AgentId me = registered();
    CacheEvictionReport report =
        new CacheEvictionReport(
            e.evictionId(), e.store(), e.ref(), e.bytes(), e.reason(), e.evictedBy(), e.at());
    call(
        () -> {
          gateway.cacheEvicted(me, report);
          return null;
        });
  }

  @Override
  public void pushed(RecordArchDigest r) throws ControlPlaneException {
    LegResultReport report =
        new LegResultReport(
            Optional.of(r.digest()),
            r.pushedTo(),
            Optional.ofNullable(r.anchor()),
            List.of(),
            r.cacheRead(),
            r.cacheWritten(),
            r.provenance(),
            r.steps(),
            r.inputs());
    call(
        () -> {
          gateway.result(r.agentId(), ref(r.runId(), r.legId()), report);
          return null;
        });
  }

  @Override
  public void verified(RecordLegVerified r) throws ControlPlaneException {
    LegResultReport report =
        new LegResultReport(
            Optional.empty(),
            List.of(),
            Optional.empty(),
            r.pushedTags(),
            r.cacheRead(),
            r.cacheWritten(),
            false,
            r.steps(),
            r.inputs());
    call(
        () -> {
          gateway.result(r.agentId(), ref(r.runId(), r.legId()), report);
          return null;
        });
  }

  @Override
  public void failed(RecordLegFailure f) throws ControlPlaneException {
    LegFailureReport report = new LegFailureReport(f.failedStep(), f.reason(), f.lastLogLines());
    call(
        () -> {
          gateway.failure(f.agentId(), ref(f.runId(), f.legId()), report);
          return null;
        });
  }

  /** The {@code {leg}} path segment: {@code <run>:<leg>}. */
  static String ref(RunId run, LegId leg) {
    return run.value() + ":" + leg.value();
  }

  private AgentId registered() throws ControlPlaneException {
    AgentId id = agent;
    if (id == null) {
      throw new ControlPlaneException(
          "Tried to report to the gateway but failed because: the agent has not registered yet");
    }
    return id;
  }

  private <T> T call(Call<T> call) throws ControlPlaneException {
    Duration pause = retryPause;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (GatewayException e) {
        if (!e.isTransient() || attempt >= ATTEMPTS) {
          throw new ControlPlaneException(e.getMessage(), e);
        }
        LOG.warn("{} (attempt {} of {}; retrying in {})", e.getMessage(), attempt, ATTEMPTS, pause);
        if (!sleep(pause)) {
          throw new ControlPlaneException(e.getMessage() + " (interrupted while retrying)", e);
        }
        pause = pause.multipliedBy(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ControlPlaneException(
            "Tried to call the gateway but failed because: the agent was interrupted", e);
      }
    }
  }

  private static boolean sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
