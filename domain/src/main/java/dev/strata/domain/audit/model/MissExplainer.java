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
import java.time.Instant;
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

  private record Write(Evidence ev, String trigger, BuildInputs inputs) {}

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
      onBuild(
          index,
          "ArchDigestPushed",
          e.runId(),
          e.legId(),
          e.cacheRead(),
          e.cacheWritten(),
          e.steps(),
          e.inputs(),
          e.at());
    } else if (event instanceof LegVerified e) {
      onBuild(
          index,
          "LegVerified",
          e.runId(),
          e.legId(),
          e.cacheRead(),
          e.cacheWritten(),
          e.steps(),
          e.inputs(),
          e.at());
    } else if (event instanceof LegFailed e && isTarget(e.runId(), e.legId())) {
      explanation =
          new MissExplanation(
              run,
              leg,
              Verdict.LEG_FAILED,
              "Leg "
                  + leg
                  + " of run "
                  + run
                  + " failed at step '"
                  + e.failedStep()
                  + "' ("
                  + e.reason()
                  + ") before recording its cache inputs",
              null,
              new Evidence(index, "LegFailed", run, leg, e.at()),
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

  private boolean isTarget(RunId runId, LegId legId) {
    return runId.value().equals(run) && legId.value().equals(leg);
  }

  private void onBuild(
      long index,
      String type,
      RunId runId,
      LegId legId,
      List<CacheRef> reads,
      List<CacheWrite> writes,
      StepStats steps,
      BuildInputs inputs,
      Instant at) {
    Evidence ev = new Evidence(index, type, runId.value(), legId.value(), at);
    if (isTarget(runId, legId)) {
      explanation = explain(ev, reads, steps, inputs);
      return;
    }
    boolean pr = kinds.get(runId.value()) == TriggerKind.PULL_REQUEST;
    for (CacheRef ref : reads) {
      readsByPrAndOthers.computeIfAbsent(ref.toString(), r -> new long[2])[pr ? 0 : 1]++;
      lastRefOfLeg.put(legId.value(), ref.toString());
    }
    String trigger = kindOf(runId.value());
    for (CacheWrite write : writes) {
      lastWrite.put(write.ref().toString(), new Write(ev, trigger, inputs));
    }
  }

  private MissExplanation explain(
      Evidence build, List<CacheRef> reads, StepStats steps, BuildInputs inputs) {
    long cached = steps == null ? 0 : steps.cachedCount();
    long executed = steps == null ? 0 : steps.executedCount();
    String firstExecuted =
        steps == null
            ? null
            : steps.steps().stream()
                .filter(s -> !s.cached())
                .map(StepStats.BuildStep::name)
                .findFirst()
                .orElse(null);
    if (reads.isEmpty()) {
      return new MissExplanation(
          run,
          leg,
          Verdict.NO_CACHE_READ,
          "Leg " + leg + " of run " + run + " read no registry cache",
          null,
          build,
          cached,
          executed,
          firstExecuted,
          null,
          null,
          List.of(),
          null);
    }
    String ref = reads.get(0).toString();
    Write write = lastWrite.get(ref);
    CacheEvictionEntry eviction = lastEviction.get(ref);
    if (eviction != null && write != null && eviction.index() < write.ev.index()) {
      eviction = null; // written again after the eviction
    }
    List<InputDifference> differences =
        write == null || write.inputs == null || inputs == null
            ? new java.util.ArrayList<>()
            : new java.util.ArrayList<>(InputComparison.differences(write.inputs, inputs));
    String previousRef = lastRefOfLeg.get(leg);
    if (previousRef != null && !previousRef.equals(ref)) {
      differences.add(0, new InputDifference("cache ref", previousRef, ref));
    }
    Verdict verdict;
    String message;
    String stepsText = cached + " of " + (cached + executed) + " steps cached";
    if (executed == 0 && cached > 0) {
      verdict = Verdict.NO_MISS;
      message =
          "No miss: every step of leg " + leg + " was served from " + ref + " (" + stepsText + ")";
    } else if (eviction != null) {
      verdict = Verdict.EVICTED;
      CacheEvictionEntry ev = eviction;
      message =
          "Cache ref "
              + ref
              + " was evicted by "
              + ev.evictedBy()
              + " at "
              + ev.at()
              + " ("
              + ev.reason()
              + ")"
              + (write == null
                  ? ""
                  : " after its last write by run " + write.ev.run() + " at " + write.ev.at())
              + " and not written again before this leg ("
              + stepsText
              + ")"
              + changes(differences);
    } else if (write == null) {
      verdict = Verdict.NEVER_WRITTEN;
      message = neverWritten(ref, previousRef, stepsText);
    } else if (!differences.isEmpty()) {
      verdict = Verdict.INPUTS_CHANGED;
      message =
          differences.size()
              + " recorded input(s) differ from the last write of "
              + ref
              + " (run "
              + write.ev.run()
              + ", "
              + write.trigger
              + ", "
              + write.ev.at()
              + "; "
              + stepsText
              + ")"
              + changes(differences);
    } else {
      verdict = Verdict.UNEXPLAINED;
      message =
          "The recorded inputs equal those of the last write of "
              + ref
              + " (run "
              + write.ev.run()
              + ", "
              + write.ev.at()
              + "), yet "
              + executed
              + " step(s) ran"
              + (firstExecuted == null ? "" : " from '" + firstExecuted + "'")
              + ": the log does not explain the miss (the export may have failed, it is best effort)";
    }
    return new MissExplanation(
        run,
        leg,
        verdict,
        message,
        ref,
        build,
        cached,
        executed,
        firstExecuted,
        write == null ? null : write.ev,
        write == null ? null : write.trigger,
        differences,
        eviction);
  }

  private String neverWritten(String ref, String previousRef, String stepsText) {
    long[] counts = readsByPrAndOthers.getOrDefault(ref, new long[2]);
    boolean targetIsPr = kinds.get(run) == TriggerKind.PULL_REQUEST;
    StringBuilder sb =
        new StringBuilder("Cache ref ")
            .append(ref)
            .append(" was never written before this leg (")
            .append(stepsText)
            .append(")");
    if (counts[1] == 0 && (targetIsPr || counts[0] > 0)) {
      sb.append(": only pull-request runs ever used it (")
          .append(counts[0] + (targetIsPr ? 1 : 0))
          .append(" read(s)), and pull requests never write caches, so it is a PR-only key");
    }
    if (previousRef != null && !previousRef.equals(ref)) {
      sb.append("; earlier builds of this leg used ").append(previousRef);
    }
    return sb.toString();
  }

  private static String changes(List<InputDifference> differences) {
    if (differences.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(": ");
    for (int i = 0; i < differences.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(InputComparison.describe(differences.get(i)));
    }
    return sb.toString();
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
        "The log has no build of leg "
            + leg
            + " in run "
            + run
            + " (check the run id and the leg key, e.g. -cpu-vllm@amd64)",
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
