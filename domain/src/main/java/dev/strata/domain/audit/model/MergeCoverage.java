package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.Invariant;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.ManifestMerged;
import dev.strata.domain.run.api.MergeDeferred;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.run.api.PublishedIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Invariants 5 and 6 (DOMAIN.md 15.4, 15.6): every pushed digest is covered by a merged manifest
 * within the window, or the log says why (its run deferred the group's merge or was cancelled);
 * every published index has as many architectures as its group; every deferral is eventually
 * resolved by a later merge of the same tag-suffix.
 */
final class MergeCoverage {

  private final Findings findings;
  private final Duration window;
  private final Map<String, Pending> pending = new HashMap<>();
  private final Map<String, List<Deferral>> openDeferrals = new HashMap<>();

  MergeCoverage(Findings findings, Duration window) {
    this.findings = findings;
    this.window = window;
  }

  private record Pending(
      RunBook.Run run, String leg, String tagSuffix, String digest, Evidence ev) {}

  private record Deferral(RunBook.Run run, String tagSuffix, String reason, Evidence ev) {}

  void onDigest(long index, RunBook.Run run, RunBook.Leg leg, ArchDigestPushed e) {
    if (run.isPullRequest() || leg == null) {
      return;
    }
    RunBook.Group group = run.groups.get(leg.tagSuffix);
    String legId = e.legId().value();
    if (group == null || !group.selected().contains(legId)) {
      return; // no merge expected (e.g. the empty suffix, which is never tagged)
    }
    Evidence ev = new Evidence(index, "ArchDigestPushed", run.id, legId, e.at());
    pending.put(
        key(e.digest().value(), legId),
        new Pending(run, legId, leg.tagSuffix, e.digest().value(), ev));
  }

  void onMerge(long index, RunBook.Run run, ManifestMerged e) {
    String sfx = e.tagSuffix().value();
    Evidence merged = new Evidence(index, "ManifestMerged", run.id, null, e.at());
    for (MergeSource source : e.sources()) {
      Pending p = pending.remove(key(source.digest().value(), source.legId().value()));
      if (p != null && Duration.between(p.ev.at(), e.at()).compareTo(window) > 0) {
        findings.add(
            Invariant.UNMERGED_DIGEST,
            "merged-late",
            p.run.id + " " + p.leg,
            p.ev.at(),
            p.run.id,
            p.leg,
            () ->
                "Digest "
                    + p.digest
                    + " of leg "
                    + p.leg
                    + " (run "
                    + p.run.id
                    + ") was merged only after "
                    + Duration.between(p.ev.at(), e.at())
                    + ", beyond the "
                    + window
                    + " window",
            p.ev,
            merged);
      }
    }
    RunBook.Group group = run.groups.get(sfx);
    if (group != null) {
      for (PublishedIndex index1 : e.indexes()) {
        Set<String> platforms = new HashSet<>(index1.platforms());
        if (platforms.size() < group.size()) {
          Evidence plan =
              new Evidence(group.planIndex(), "MatrixFiltered", run.id, null, group.planAt());
          findings.add(
              Invariant.PARTIAL_MANIFEST,
              "partial-index",
              run.id + " " + sfx + " " + index1.repository(),
              e.at(),
              run.id,
              null,
              () ->
                  "Run "
                      + run.id
                      + " published '"
                      + sfx
                      + "' to "
                      + index1.repository()
                      + " with "
                      + platforms.size()
                      + " of the group's "
                      + group.size()
                      + " architectures "
                      + index1.platforms()
                      + " (a partial manifest overwrites the complete one)",
              plan,
              merged);
        }
      }
    }
    openDeferrals.remove(sfx);
  }

  void onDeferred(long index, RunBook.Run run, MergeDeferred e) {
    String sfx = e.tagSuffix().value();
    run.deferredGroups.add(sfx);
    openDeferrals
        .computeIfAbsent(sfx, k -> new ArrayList<>())
        .add(
            new Deferral(
                run, sfx, e.reason(), new Evidence(index, "MergeDeferred", run.id, null, e.at())));
  }

  /** Reports what is still open at {@code asOf}. */
  void finish(Instant asOf) {
    for (Pending p : pending.values()) {
      boolean explained = p.run.cancelled || p.run.deferredGroups.contains(p.tagSuffix);
      if (explained || Duration.between(p.ev.at(), asOf).compareTo(window) <= 0) {
        continue;
      }
      findings.add(
          Invariant.UNMERGED_DIGEST,
          "unmerged-digest",
          p.run.id + " " + p.leg,
          p.ev.at(),
          p.run.id,
          p.leg,
          () ->
              "Digest "
                  + p.digest
                  + " of leg "
                  + p.leg
                  + " (run "
                  + p.run.id
                  + ") was never covered by a merged manifest of '"
                  + p.tagSuffix
                  + "', and the log does not say why (no deferral, no cancellation)",
          p.ev);
    }
    for (List<Deferral> list : openDeferrals.values()) {
      for (Deferral d : list) {
        findings.add(
            Invariant.PARTIAL_MANIFEST,
            "merge-deferred-open",
            d.run.id + " " + d.tagSuffix,
            d.ev.at(),
            d.run.id,
            null,
            () ->
                "Merge of '"
                    + d.tagSuffix
                    + "' deferred by run "
                    + d.run.id
                    + " ("
                    + d.reason
                    + ") is still open: no later merge published the group",
            d.ev);
      }
    }
  }

  private static String key(String digest, String leg) {
    return digest + " " + leg;
  }
}
