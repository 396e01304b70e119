package dev.strata.audit.core.seed;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.cache.api.EvictCache;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheOutcome;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.run.api.CancelRun;
import dev.strata.domain.run.api.ClaimLeg;
import dev.strata.domain.run.api.DeferMerge;
import dev.strata.domain.run.api.ExtendLease;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.PublishedIndex;
import dev.strata.domain.run.api.ReceiveTrigger;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordDarwinCacheRestore;
import dev.strata.domain.run.api.RecordDarwinCacheSave;
import dev.strata.domain.run.api.RecordKeepaliveCleanup;
import dev.strata.domain.run.api.RecordLegFailure;
import dev.strata.domain.run.api.RecordLegVerified;
import dev.strata.domain.run.api.RecordManifestMerge;
import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.run.api.TagCleanup;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the commands of one run, in the order an orchestrated run would send them. */
public final class RunScriptBuilder {
  private final RunId run;
  private final Instant startedAt;
  private final List<Object> commands = new ArrayList<>();

  public RunScriptBuilder(
      RunId run,
      Trigger trigger,
      String concurrencyGroup,
      List<String> pipelines,
      boolean started,
      Instant at) {
    this.run = run;
    this.startedAt = at;
    commands.add(
        new ReceiveTrigger(
            run, trigger, "delivery-" + run, concurrencyGroup, pipelines, started, at));
  }

  /** A builder for commands outside a run (evictions). */
  private RunScriptBuilder(String name, Instant at) {
    this.run = RunId.of(name);
    this.startedAt = at;
  }

  public static RunScriptBuilder batch(String name, Instant at) {
    return new RunScriptBuilder(name, at);
  }

  public RunId run() {
    return run;
  }

  public RunScriptBuilder plan(
      String pipeline,
      boolean runAll,
      String reason,
      List<PlannedLeg> legs,
      List<MergeGroup> groups,
      List<String> changed,
      Instant at) {
    commands.add(
        new RecordMatrix(run, pipeline, runAll, reason, legs, groups, changed, List.of(), at));
    return this;
  }

  public RunScriptBuilder claim(LegId leg, AgentId agent, Instant at, Duration lease) {
    commands.add(new ClaimLeg(run, leg, agent, at.plus(lease), at));
    return this;
  }

  public RunScriptBuilder heartbeat(LegId leg, AgentId agent, Instant at, Duration lease) {
    commands.add(new ExtendLease(run, leg, agent, at.plus(lease), at));
    return this;
  }

  public RunScriptBuilder pushed(
      LegId leg,
      AgentId agent,
      Digest digest,
      List<ImageRef> pushedTo,
      ImageRef anchor,
      List<CacheRef> reads,
      List<CacheWrite> writes,
      StepStats steps,
      BuildInputs inputs,
      Instant at) {
    commands.add(
        new RecordArchDigest(
            run, leg, agent, digest, pushedTo, anchor, reads, writes, false, steps, inputs, at));
    return this;
  }

  public RunScriptBuilder verified(
      LegId leg,
      AgentId agent,
      List<ImageRef> tags,
      List<CacheRef> reads,
      StepStats steps,
      BuildInputs inputs,
      Instant at) {
    commands.add(new RecordLegVerified(run, leg, agent, tags, reads, List.of(), steps, inputs, at));
    return this;
  }

  public RunScriptBuilder failed(
      LegId leg, AgentId agent, String step, String reason, List<String> log, Instant at) {
    commands.add(new RecordLegFailure(run, leg, agent, step, reason, log, at));
    return this;
  }

  public RunScriptBuilder darwinRestore(
      LegId leg,
      String cache,
      String key,
      CacheOutcome outcome,
      String matched,
      long bytes,
      Instant at) {
    commands.add(new RecordDarwinCacheRestore(run, leg, cache, key, outcome, matched, bytes, at));
    return this;
  }

  public RunScriptBuilder darwinSave(
      LegId leg, String cache, String key, long bytes, boolean gated, Instant at) {
    commands.add(new RecordDarwinCacheSave(run, leg, cache, key, bytes, gated, at));
    return this;
  }

  public RunScriptBuilder merged(
      TagSuffix sfx, List<PublishedIndex> indexes, List<MergeSource> sources, Instant at) {
    commands.add(new RecordManifestMerge(run, sfx, indexes, sources, at));
    return this;
  }

  public RunScriptBuilder deferred(TagSuffix sfx, String reason, List<LegId> missing, Instant at) {
    commands.add(new DeferMerge(run, sfx, reason, missing, at));
    return this;
  }

  public RunScriptBuilder cleaned(TagSuffix sfx, List<String> tags, Instant at) {
    commands.add(
        new RecordKeepaliveCleanup(
            run, sfx, tags.stream().map(t -> new TagCleanup(t, "deleted")).toList(), at));
    return this;
  }

  public RunScriptBuilder cancelled(String reason, String by, Instant at) {
    commands.add(new CancelRun(run, reason, by, at));
    return this;
  }

  public RunScriptBuilder evict(
      String id, String store, String ref, String reason, String by, long bytes, Instant at) {
    commands.add(new EvictCache(id, store, ref, null, List.of(), reason, by, bytes, at));
    return this;
  }

  public int size() {
    return commands.size();
  }

  public RunScript build() {
    return new RunScript(run.value(), startedAt, commands);
  }
}
