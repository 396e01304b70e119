package dev.strata.domain.audit.model;

import dev.strata.domain.Values;
import dev.strata.domain.audit.api.CacheEvictionEntry;
import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.InputDifference;
import dev.strata.domain.audit.api.MissExplanation;
import dev.strata.domain.audit.api.MissExplanation.Verdict;
import dev.strata.domain.cache.api.CacheEvicted;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.run.api.LegFailed;
import dev.strata.domain.run.api.LegVerified;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.TriggerKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains one leg's registry cache miss ({@code strata audit explain}). Fed the log in order, it
 * keeps only the last write (with its inputs) and the last eviction of every cache ref, so memory
 * stays bounded by the number of refs; when the leg's build arrives it compares and is {@link
 * #done()}.
 */
public final class MissExplainer {

  private final String run;
  private final String leg;
  private final Map<String, TriggerKind> kinds = new HashMap<>();
  private final Map<String, Write> lastWrite = new HashMap<>();
  private final Map<String, CacheEvictionEntry> lastEviction = new HashMap<>();
  private final Map<String, long[]> readsByPrAndOthers = new HashMap<>();
  private final Map<String, String> lastRefOfLeg = new HashMap<>();
  private MissExplanation explanation;

  /** The last write of a ref: the build that wrote it, its run's trigger, its inputs. */
  private record Write(Evidence ev, String trigger, BuildInputs inputs) {}

  /** What a successful build recorded. */
  private record Build(
      Evidence ev,
      List<CacheRef> reads,
      List<CacheWrite> writes,
      StepStats steps,
      BuildInputs inputs) {
    static Build of(long index, ArchDigestPushed e) {
      Evidence ev =
          new Evidence(index, "ArchDigestPushed", e.runId().value(), e.legId().value(), e.at());
      return new Build(ev, e.cacheRead(), e.cacheWritten(), e.steps(), e.inputs());
    }

    static Build of(long index, LegVerified e) {
      Evidence ev =
          new Evidence(index, "LegVerified", e.runId().value(), e.legId().value(), e.at());
      return new Build(ev, e.cacheRead(), e.cacheWritten(), e.steps(), e.inputs());
    }

    long cached() {
      return steps == null ? 0 : steps.cachedCount();
    }

    long executed() {
      return steps == null ? 0 : steps.executedCount();
    }

    String firstExecuted() {
      return steps == null
          ? null
          : steps.steps().stream()
              .filter(s -> !s.cached())
              .map(StepStats.BuildStep::name)
              .findFirst()
              .orElse(null);
    }
  }

  public MissExplainer(RunId run, LegId leg) {
    this.run = Values.required(run, "run id").value();
    this.leg = Values.required(leg, "leg id").value();
  }

  /** Whether the explainer applies events of {@code type}; a reader may skip the others. */
  public static boolean reads(Class<?> type) {
    return type == TriggerReceived.class
        || type == ArchDigestPushed.class
        || type == LegVerified.class
        || type == LegFailed.class
        || type == CacheEvicted.class;
  }

  /** Whether the leg's build was found (later events change nothing). */
  public boolean done() {
    return explanation != null;
  }

  /** Applies the event at global {@code index}. */
  public void accept(long index, Object event) {
    if (done()) {
      return;
    }
    if (event instanceof TriggerReceived e) {
      kinds.put(e.runId().value(), e.trigger().kind());
    } else if (event instanceof ArchDigestPushed e) {
      onBuild(Build.of(index, e));
    } else if (event instanceof LegVerified e) {
      onBuild(Build.of(index, e));
    } else if (event instanceof LegFailed e && isTarget(e.runId().value(), e.legId().value())) {
      Evidence ev = new Evidence(index, "LegFailed", run, leg, e.at());
      explanation =
          new MissExplanation(
              run,
              leg,
              Verdict.LEG_FAILED,
              MissMessages.failed(run, leg, e),
              null,
              ev,
              0,
              0,
              null,
              null,
              null,
              List.of(),
              null);
    } else if (event instanceof CacheEvicted e && "registry".equals(e.store())) {
      lastEviction.put(
          e.ref(),
          new CacheEvictionEntry(index, e.evictionId(), e.evictedBy(), e.reason(), e.at()));
    }
  }

  private boolean isTarget(String runId, String legId) {
    return runId.equals(run) && legId.equals(leg);
  }

  private void onBuild(Build build) {
    if (isTarget(build.ev().run(), build.ev().leg())) {
      explanation = explain(build);
      return;
    }
    boolean pr = kinds.get(build.ev().run()) == TriggerKind.PULL_REQUEST;
    for (CacheRef ref : build.reads()) {
      readsByPrAndOthers.computeIfAbsent(ref.toString(), r -> new long[2])[pr ? 0 : 1]++;
      lastRefOfLeg.put(build.ev().leg(), ref.toString());
    }
    for (CacheWrite write : build.writes()) {
      lastWrite.put(
          write.ref().toString(), new Write(build.ev(), kindOf(build.ev().run()), build.inputs()));
    }
  }

  private MissExplanation explain(Build build) {
    if (build.reads().isEmpty()) {
      return result(
          build, Verdict.NO_CACHE_READ, MissMessages.noRead(run, leg), null, null, List.of(), null);
    }
    String ref = build.reads().get(0).toString();
    Write write = lastWrite.get(ref);
    CacheEvictionEntry eviction = lastEviction.get(ref);
    if (eviction != null && write != null && eviction.index() < write.ev().index()) {
      eviction = null; // written again after the eviction
    }
    List<InputDifference> differences = new ArrayList<>();
    if (write != null && write.inputs() != null && build.inputs() != null) {
      differences.addAll(InputComparison.differences(write.inputs(), build.inputs()));
    }
    String previousRef = lastRefOfLeg.get(leg);
    if (previousRef != null && !previousRef.equals(ref)) {
      differences.add(0, new InputDifference("cache ref", previousRef, ref));
    }
    String steps = MissMessages.steps(build.cached(), build.executed());
    if (build.executed() == 0 && build.cached() > 0) {
      return result(
          build,
          Verdict.NO_MISS,
          MissMessages.noMiss(leg, ref, steps),
          ref,
          write,
          differences,
          null);
    }
    if (eviction != null) {
      String message =
          MissMessages.evicted(
              ref, eviction, write == null ? null : write.ev(), steps, differences);
      return result(build, Verdict.EVICTED, message, ref, write, differences, eviction);
    }
    if (write == null) {
      long[] counts = readsByPrAndOthers.getOrDefault(ref, new long[2]);
      boolean targetIsPr = kinds.get(run) == TriggerKind.PULL_REQUEST;
      String message =
          MissMessages.neverWritten(ref, previousRef, steps, counts[0], counts[1], targetIsPr);
      return result(build, Verdict.NEVER_WRITTEN, message, ref, null, differences, null);
    }
    if (!differences.isEmpty()) {
      String message = MissMessages.changed(ref, write.ev(), write.trigger(), steps, differences);
      return result(build, Verdict.INPUTS_CHANGED, message, ref, write, differences, null);
    }
    String message =
        MissMessages.unexplained(ref, write.ev(), build.executed(), build.firstExecuted());
    return result(build, Verdict.UNEXPLAINED, message, ref, write, differences, null);
  }

  private MissExplanation result(
      Build build,
      Verdict verdict,
      String message,
      String ref,
      Write write,
      List<InputDifference> differences,
      CacheEvictionEntry eviction) {
    return new MissExplanation(
        run,
        leg,
        verdict,
        message,
        ref,
        build.ev(),
        build.cached(),
        build.executed(),
        build.firstExecuted(),
        write == null ? null : write.ev(),
        write == null ? null : write.trigger(),
        differences,
        eviction);
  }

  private String kindOf(String runId) {
    TriggerKind kind = kinds.get(runId);
    return kind == null ? "UNKNOWN" : kind.name();
  }

  /** The explanation, or {@link Verdict#LEG_NOT_FOUND} when the log has no build of the leg. */
  public MissExplanation explanation() {
    if (explanation != null) {
      return explanation;
    }
    return new MissExplanation(
        run,
        leg,
        Verdict.LEG_NOT_FOUND,
        MissMessages.notFound(run, leg),
        null,
        null,
        0,
        0,
        null,
        null,
        null,
        List.of(),
        null);
  }
}
