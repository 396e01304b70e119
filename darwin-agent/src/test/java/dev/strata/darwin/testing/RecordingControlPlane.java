package dev.strata.darwin.testing;

import dev.strata.darwin.port.ClaimedLeg;
import dev.strata.darwin.port.ControlPlane;
import dev.strata.darwin.port.ControlPlaneException;
import dev.strata.domain.cache.api.EvictCache;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordDarwinCacheRestore;
import dev.strata.domain.run.api.RecordDarwinCacheSave;
import dev.strata.domain.run.api.RecordLegFailure;
import dev.strata.domain.run.api.RecordLegVerified;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A control plane that hands out queued legs and records every report, in order. */
public final class RecordingControlPlane implements ControlPlane {
  public final List<Object> reports = new ArrayList<>();
  public final Deque<ClaimedLeg> queue = new ArrayDeque<>();
  public final List<String> progress = new ArrayList<>();

  /** What {@link #progress} answers: false plays a gateway that gave the leg to someone else. */
  public boolean holdsLeg = true;

  public int heartbeats;

  /** How many of the next claims fail (a gateway that is restarting). */
  public int failingClaims;

  /** Whether cache-save reports are refused (e.g. the run was cancelled). */
  public boolean refuseSaves;

  @Override
  public synchronized AgentId register(String name, List<RunnerClass> runnerClasses) {
    reports.add("register " + name + " " + runnerClasses);
    return AgentId.of("agent-1");
  }

  @Override
  public synchronized Optional<ClaimedLeg> claim(AgentId agent, Duration wait)
      throws ControlPlaneException {
    if (failingClaims > 0) {
      failingClaims--;
      throw new ControlPlaneException("gateway unreachable");
    }
    return Optional.ofNullable(queue.poll());
  }

  @Override
  public synchronized void heartbeat(AgentId agent) {
    heartbeats++;
  }

  @Override
  public synchronized boolean progress(AgentId agent, ClaimedLeg leg, List<String> lines) {
    progress.addAll(lines);
    return holdsLeg;
  }

  @Override
  public synchronized void cacheRestored(RecordDarwinCacheRestore restore) {
    reports.add(restore);
  }

  @Override
  public synchronized void cacheSaved(RecordDarwinCacheSave save) throws ControlPlaneException {
    if (refuseSaves) {
      throw new ControlPlaneException("the gateway answered 409: run cancelled");
    }
    reports.add(save);
  }

  @Override
  public synchronized void cacheEvicted(EvictCache eviction) {
    reports.add(eviction);
  }

  @Override
  public synchronized void pushed(RecordArchDigest result) {
    reports.add(result);
  }

  @Override
  public synchronized void verified(RecordLegVerified result) {
    reports.add(result);
  }

  @Override
  public synchronized void failed(RecordLegFailure failure) {
    reports.add(failure);
  }

  /** The reports of one type, in order. */
  public synchronized <T> List<T> of(Class<T> type) {
    return reports.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public synchronized void clear() {
    reports.clear();
  }
}
