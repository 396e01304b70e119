package dev.strata.domain.audit.model;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.TriggerKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the audit remembers about each run: its trigger, and while it is active the compact plan of
 * its legs and merge groups (dropped when the run ends, to keep a million-event replay small).
 */
final class RunBook {

  private final Map<String, Run> runs = new HashMap<>();
  // interning the strings every run repeats (suffixes, base images) keeps plans small
  private final Map<String, String> strings = new HashMap<>();

  /** One run. */
  static final class Run {
    final String id;
    final TriggerKind kind;
    final String commit;
    final String repository;
    final Instant triggeredAt;
    final long triggerIndex;
    boolean cancelled;
    boolean ended;
    final Map<String, Leg> legs = new HashMap<>();
    final Map<String, Group> groups = new HashMap<>();
    final Set<String> deferredGroups = new HashSet<>();

    Run(
        String id,
        TriggerKind kind,
        String commit,
        String repository,
        Instant triggeredAt,
        long triggerIndex) {
      this.id = id;
      this.kind = kind;
      this.commit = commit;
      this.repository = repository;
      this.triggeredAt = triggeredAt;
      this.triggerIndex = triggerIndex;
    }

    boolean isPullRequest() {
      return kind == TriggerKind.PULL_REQUEST;
    }

    /** The trigger kind's name, or {@code UNKNOWN} for a run whose trigger is not in the log. */
    String trigger() {
      return kind == null ? "UNKNOWN" : kind.name();
    }
  }

  /** A planned leg, reduced to what the checks need. */
  static final class Leg {
    final String pipeline;
    final String tagSuffix;
    final String platformTag;
    final String dockerfile;
    final String builderBase;
    final boolean darwin;
    final long planIndex;
    final Instant planAt;
    Instant claimedAt;

    Leg(
        String pipeline,
        String tagSuffix,
        String platformTag,
        String dockerfile,
        String builderBase,
        boolean darwin,
        long planIndex,
        Instant planAt) {
      this.pipeline = pipeline;
      this.tagSuffix = tagSuffix;
      this.platformTag = platformTag;
      this.dockerfile = dockerfile;
      this.builderBase = builderBase;
      this.darwin = darwin;
      this.planIndex = planIndex;
      this.planAt = planAt;
    }

    boolean isPython() {
      return !darwin && dockerfile.endsWith("Dockerfile.python");
    }
  }

  /**
   * A planned merge group.
   *
   * @param size how many legs the group has in the matrix (one per architecture)
   * @param selected the legs this run builds for it
   * @param planIndex the index of the plan that declared it
   * @param planAt when the plan was recorded
   */
  record Group(int size, Set<String> selected, long planIndex, Instant planAt) {}

  Run onTrigger(long index, TriggerReceived e) {
    Run run =
        new Run(
            e.runId().value(),
            e.trigger().kind(),
            e.trigger().sha() == null ? null : e.trigger().sha().value(),
            e.trigger().repository().fullName(),
            e.at(),
            index);
    runs.put(run.id, run);
    return run;
  }

  void onPlan(long index, MatrixFiltered e) {
    Run run = get(e.runId());
    String pipeline = intern(e.pipeline());
    for (PlannedLeg leg : e.legs()) {
      run.legs.put(
          leg.legId().value(),
          new Leg(
              pipeline,
              intern(leg.mergeGroup().value()),
              intern(field(leg, "platform-tag")),
              intern(field(leg, "dockerfile")),
              intern(field(leg, "builder-base-image")),
              leg.darwin(),
              index,
              e.at()));
    }
    for (MergeGroup group : e.mergeGroups()) {
      Set<String> selected = new HashSet<>();
      group.selectedLegs().forEach(l -> selected.add(l.value()));
      run.groups.put(
          intern(group.tagSuffix().value()),
          new Group(group.groupLegs().size(), selected, index, e.at()));
    }
  }

  /** Forgets the plan of an ended run; its trigger and deferrals stay. */
  void onEnded(RunId runId, boolean cancelled) {
    Run run = get(runId);
    run.ended = true;
    run.cancelled |= cancelled;
    run.legs.clear();
    run.groups.clear();
  }

  /** The run, or a placeholder of unknown trigger when its {@code TriggerReceived} is missing. */
  Run get(RunId runId) {
    return runs.computeIfAbsent(
        runId.value(), id -> new Run(id, null, null, "", Instant.EPOCH, -1));
  }

  /** The run if the log named it. */
  Run find(String runId) {
    return runs.get(runId);
  }

  /** The planned leg, or null when unknown (or the run ended). */
  Leg leg(Run run, LegId legId) {
    return run.legs.get(legId.value());
  }

  Iterable<Run> all() {
    return runs.values();
  }

  private static String field(PlannedLeg leg, String name) {
    Scalar value = leg.fields().get(name);
    return value == null ? "" : value.asString();
  }

  String intern(String s) {
    String known = strings.putIfAbsent(s, s);
    return known == null ? s : known;
  }
}
