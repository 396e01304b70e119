package dev.strata.merge.core;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.KeepaliveTagsCleaned;
import dev.strata.domain.run.api.LegFailed;
import dev.strata.domain.run.api.ManifestMerged;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.MergeDeferred;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.run.api.RunCancelled;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The merge-service's projection of the log: per run, its trigger, merge groups, pushed and failed
 * legs and what became of each group; across runs, the last digest pushed per leg on each ref
 * (DOMAIN.md 15.4) and the last run that merged each group on each ref. Events must be applied in
 * log order; a group's "age" is the order in which it was planned.
 */
public final class RunLedger {

  private static final class Run {
    final RunId id;
    final Trigger trigger;
    boolean cancelled;
    final Map<TagSuffix, Group> groups = new LinkedHashMap<>();
    final Map<LegId, TagSuffix> groupOfLeg = new HashMap<>();
    final Map<LegId, LegDigest> pushed = new LinkedHashMap<>();
    final Map<LegId, String> failed = new LinkedHashMap<>();

    Run(RunId id, Trigger trigger) {
      this.id = id;
      this.trigger = trigger;
    }

    String scope() {
      return trigger.ref() == null ? "" : trigger.ref();
    }
  }

  private static final class Group {
    final MergeGroup group;
    final String pipeline;
    final long plannedSeq;
    final Instant plannedAt;
    ManifestMerged merged;
    String deferReason;
    boolean cleaned;

    Group(MergeGroup group, String pipeline, long plannedSeq, Instant plannedAt) {
      this.group = group;
      this.pipeline = pipeline;
      this.plannedSeq = plannedSeq;
      this.plannedAt = plannedAt;
    }
  }

  private record LastMerge(RunId runId, long plannedSeq) {}

  private final Map<RunId, Run> runs = new HashMap<>();
  private final Map<String, LegDigest> latestByScopedLeg = new HashMap<>();
  private final Map<String, LastMerge> lastMergeByScopedGroup = new HashMap<>();
  private long seq;

  /** Everything the merge of one group needs that is not a registry fact. */
  public record GroupView(
      RunId runId,
      Trigger trigger,
      String pipeline,
      MergeGroup group,
      GroupFacts facts,
      Map<LegId, LegDigest> digests,
      Instant completedAt,
      boolean merged,
      boolean cleaned) {}

  public synchronized void apply(Object event) {
    seq++;
    if (event instanceof TriggerReceived e) {
      runs.putIfAbsent(e.runId(), new Run(e.runId(), e.trigger()));
    } else if (event instanceof MatrixFiltered e) {
      plan(e);
    } else if (event instanceof ArchDigestPushed e) {
      pushed(e);
    } else if (event instanceof LegFailed e) {
      run(e.runId()).ifPresent(r -> r.failed.put(e.legId(), e.failedStep() + ": " + e.reason()));
    } else if (event instanceof ManifestMerged e) {
      merged(e);
    } else if (event instanceof MergeDeferred e) {
      group(e.runId(), e.tagSuffix()).ifPresent(g -> g.deferReason = e.reason());
    } else if (event instanceof KeepaliveTagsCleaned e) {
      group(e.runId(), e.tagSuffix()).ifPresent(g -> g.cleaned = true);
    } else if (event instanceof RunCancelled e) {
      run(e.runId()).ifPresent(r -> r.cancelled = true);
    }
  }

  private void plan(MatrixFiltered e) {
    Optional<Run> run = run(e.runId());
    if (run.isEmpty()) {
      return;
    }
    for (MergeGroup group : e.mergeGroups()) {
      run.get().groups.putIfAbsent(group.tagSuffix(), new Group(group, e.pipeline(), seq, e.at()));
      for (LegId leg : group.groupLegs()) {
        run.get().groupOfLeg.putIfAbsent(leg, group.tagSuffix());
      }
    }
  }

  private void pushed(ArchDigestPushed e) {
    Optional<Run> run = run(e.runId());
    if (run.isEmpty()) {
      return;
    }
    LegDigest digest =
        new LegDigest(e.runId(), e.legId(), e.digest(), e.pushedTo(), e.anchor(), e.at());
    run.get().pushed.put(e.legId(), digest);
    if (!run.get().trigger.isPullRequest()) {
      latestByScopedLeg.put(scoped(run.get().scope(), e.legId().value()), digest);
    }
  }

  private void merged(ManifestMerged e) {
    Optional<Run> run = run(e.runId());
    Optional<Group> group = group(e.runId(), e.tagSuffix());
    if (run.isEmpty() || group.isEmpty()) {
      return;
    }
    group.get().merged = e;
    String key = scoped(run.get().scope(), e.tagSuffix().value());
    LastMerge last = lastMergeByScopedGroup.get(key);
    if (last == null || last.plannedSeq() < group.get().plannedSeq) {
      lastMergeByScopedGroup.put(key, new LastMerge(e.runId(), group.get().plannedSeq));
    }
  }

  /** Whether the ledger knows run {@code runId}. */
  public synchronized boolean knows(RunId runId) {
    return runs.containsKey(runId);
  }

  /** The tag suffixes of the groups {@code runId} planned. */
  public synchronized List<TagSuffix> groupsOf(RunId runId) {
    return run(runId).map(r -> List.copyOf(r.groups.keySet())).orElse(List.of());
  }

  /** The group leg {@code legId} of run {@code runId} belongs to. */
  public synchronized Optional<TagSuffix> groupOf(RunId runId, LegId legId) {
    return run(runId).map(r -> r.groupOfLeg.get(legId));
  }

  /** Every run with a group that is neither merged nor deferred, oldest plan first. */
  public synchronized List<RunId> runsWithOpenGroups() {
    List<RunId> open = new ArrayList<>();
    for (Run run : runs.values()) {
      if (run.groups.values().stream().anyMatch(g -> g.merged == null && g.deferReason == null)) {
        open.add(run.id);
      }
    }
    return open;
  }

  /** The view of group {@code suffix} of run {@code runId}, if the ledger knows it. */
  public synchronized Optional<GroupView> view(RunId runId, TagSuffix suffix) {
    Optional<Run> maybeRun = run(runId);
    Optional<Group> maybeGroup = group(runId, suffix);
    if (maybeRun.isEmpty() || maybeGroup.isEmpty()) {
      return Optional.empty();
    }
    Run run = maybeRun.get();
    Group group = maybeGroup.get();
    Map<LegId, LegDigest> digests = new LinkedHashMap<>();
    Map<LegId, Digest> pushed = new LinkedHashMap<>();
    Map<LegId, MergeSource> previous = new LinkedHashMap<>();
    Instant completedAt = group.plannedAt;
    for (LegId leg : group.group.groupLegs()) {
      LegDigest own = run.pushed.get(leg);
      if (own != null && group.group.selectedLegs().contains(leg)) {
        digests.put(leg, own);
        pushed.put(leg, own.digest());
        completedAt = own.at().isAfter(completedAt) ? own.at() : completedAt;
      } else if (!group.group.selectedLegs().contains(leg)) {
        LegDigest last = latestByScopedLeg.get(scoped(run.scope(), leg.value()));
        if (last != null) {
          digests.put(leg, last);
          previous.put(leg, new MergeSource(leg, last.digest(), last.runId()));
        }
      }
    }
    LastMerge last = lastMergeByScopedGroup.get(scoped(run.scope(), suffix.value()));
    RunId supersededBy =
        last != null && last.plannedSeq() > group.plannedSeq && !last.runId().equals(runId)
            ? last.runId()
            : null;
    GroupFacts facts =
        new GroupFacts(
            runId,
            run.trigger.isPullRequest(),
            run.cancelled,
            group.group,
            group.merged != null,
            group.deferReason,
            pushed,
            run.failed,
            previous,
            supersededBy);
    return Optional.of(
        new GroupView(
            runId,
            run.trigger,
            group.pipeline,
            group.group,
            facts,
            digests,
            completedAt,
            group.merged != null,
            group.cleaned));
  }

  /**
   * Other runs' legs whose group is not merged yet and that pushed {@code digest}: their keepalive
   * anchors still protect it.
   */
  public synchronized List<LegDigest> openAnchorsOf(Digest digest, RunId except) {
    List<LegDigest> found = new ArrayList<>();
    for (Run run : runs.values()) {
      if (run.id.equals(except) || run.cancelled || run.trigger.isPullRequest()) {
        continue;
      }
      for (LegDigest leg : run.pushed.values()) {
        TagSuffix suffix = run.groupOfLeg.get(leg.legId());
        Group group = suffix == null ? null : run.groups.get(suffix);
        if (leg.digest().equals(digest) && group != null && group.merged == null) {
          found.add(leg);
        }
      }
    }
    return found;
  }

  /** Marks a group merged before its event comes back through the log. */
  public synchronized void markMerged(ManifestMerged event) {
    merged(event);
  }

  /** Marks a group's keepalive anchors cleaned before the event comes back. */
  public synchronized void markCleaned(RunId runId, TagSuffix suffix) {
    group(runId, suffix).ifPresent(g -> g.cleaned = true);
  }

  /** Marks a group deferred before the event comes back. */
  public synchronized void markDeferred(RunId runId, TagSuffix suffix, String reason) {
    group(runId, suffix).ifPresent(g -> g.deferReason = reason);
  }

  private Optional<Run> run(RunId runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  private Optional<Group> group(RunId runId, TagSuffix suffix) {
    return run(runId).map(r -> r.groups.get(suffix));
  }

  private static String scoped(String scope, String key) {
    return scope + "\n" + key;
  }
}
