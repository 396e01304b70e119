package dev.strata.darwin.port;

import dev.strata.domain.cache.api.EvictCache;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordDarwinCacheRestore;
import dev.strata.domain.run.api.RecordDarwinCacheSave;
import dev.strata.domain.run.api.RecordLegFailure;
import dev.strata.domain.run.api.RecordLegVerified;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The control plane as a build agent sees it: the gateway's agent API (register, long-poll claim
 * with a lease, heartbeat and progress, result), plus the Darwin facts the agent reports (cache
 * restores, saves and budget evictions). Agents never reach the event store; the gateway turns
 * these reports into commands.
 */
public interface ControlPlane {

  /** Registers this agent for {@code runnerClasses}; returns the id the gateway gave it. */
  AgentId register(String name, List<RunnerClass> runnerClasses) throws ControlPlaneException;

  /** Waits up to {@code wait} for a Darwin leg; empty when none came. */
  Optional<ClaimedLeg> claim(AgentId agent, Duration wait) throws ControlPlaneException;

  /** Extends the leases the agent holds. */
  void heartbeat(AgentId agent) throws ControlPlaneException;

  /**
   * Sends log lines of a leg and extends its lease.
   *
   * @return false when the agent no longer holds the leg (it should stop)
   */
  boolean progress(AgentId agent, ClaimedLeg leg, List<String> lines) throws ControlPlaneException;

  /** Records a cache restore (hit, partial, miss or corrupt). */
  void cacheRestored(RecordDarwinCacheRestore restore) throws ControlPlaneException;

  /** Records a cache save. */
  void cacheSaved(RecordDarwinCacheSave save) throws ControlPlaneException;

  /** Records a budget eviction. */
  void cacheEvicted(EvictCache eviction) throws ControlPlaneException;

  /** Records a published build (non-PR). */
  void pushed(RecordArchDigest result) throws ControlPlaneException;

  /** Records a verification build (pull requests: nothing published). */
  void verified(RecordLegVerified result) throws ControlPlaneException;

  /** Records a failed build. */
  void failed(RecordLegFailure failure) throws ControlPlaneException;
}
