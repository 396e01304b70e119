package dev.strata.merge.core;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.MergeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what to do with a merge group (DOMAIN.md 5.2 and 15.4). Pure: the same facts give the
 * same decision.
 *
 * <ul>
 *   <li>Pull requests never merge; cancelled runs and merged groups have nothing left to do; Darwin
 *       legs are published by the Darwin agent, so a group without Linux legs is skipped.
 *   <li>A failed selected leg defers the group: a shrunken index is never published.
 *   <li>While a selected leg is still building, wait.
 *   <li>Legs of the group this run did not build take the last digest pushed for them on the same
 *       ref; when there is none the group is deferred, naming them.
 *   <li>When a later run already published the same group on the same ref, this run's index would
 *       overwrite a newer one: defer as superseded.
 * </ul>
 */
public final class MergePlanner {
  private MergePlanner() {}

  public static MergeDecision decide(GroupFacts facts) {
    if (facts.pullRequest()) {
      return new MergeDecision.Skip("pull requests are never merged");
    }
    if (facts.cancelled()) {
      return new MergeDecision.Skip("run " + facts.runId() + " was cancelled");
    }
    if (facts.merged()) {
      return new MergeDecision.Skip("merged already");
    }
    List<LegId> selected = linux(facts.group().selectedLegs());
    List<LegId> groupLegs = linux(facts.group().groupLegs());
    if (groupLegs.isEmpty()) {
      return new MergeDecision.Skip(
          "the group has only Darwin legs, which the Darwin agent publishes");
    }
    List<LegId> failed = selected.stream().filter(facts.failed()::containsKey).toList();
    if (!failed.isEmpty()) {
      return new MergeDecision.Defer(failureReason(facts, failed), failed);
    }
    List<LegId> building = selected.stream().filter(l -> !facts.pushed().containsKey(l)).toList();
    if (!building.isEmpty()) {
      return new MergeDecision.Wait(building);
    }
    List<MergeSource> sources = new ArrayList<>();
    List<LegId> unknown = new ArrayList<>();
    for (LegId leg : groupLegs) {
      if (selected.contains(leg)) {
        sources.add(new MergeSource(leg, facts.pushed().get(leg), facts.runId()));
      } else if (facts.previous().containsKey(leg)) {
        sources.add(facts.previous().get(leg));
      } else {
        unknown.add(leg);
      }
    }
    if (!unknown.isEmpty()) {
      return new MergeDecision.Defer(
          "no digest was ever pushed on this ref for "
              + legs(unknown)
              + ", which this run did not build; a complete index needs every leg of the group"
              + " "
              + legs(groupLegs),
          unknown);
    }
    if (facts.supersededBy() != null) {
      return new MergeDecision.Defer(
          "superseded: run "
              + facts.supersededBy()
              + " already published a newer index of this group on the same ref",
          List.of());
    }
    return new MergeDecision.Merge(sources);
  }

  private static String failureReason(GroupFacts facts, List<LegId> failed) {
    StringBuilder reason = new StringBuilder();
    for (LegId leg : failed) {
      reason.append(reason.length() == 0 ? "" : "; ");
      reason.append("leg ").append(leg).append(" failed: ").append(facts.failed().get(leg));
    }
    return reason
        + " (a complete index needs every leg of "
        + legs(linux(facts.group().groupLegs()))
        + "; the published tags stay as they were)";
  }

  private static List<LegId> linux(List<LegId> legs) {
    return legs.stream().filter(l -> !l.isDarwin()).toList();
  }

  private static String legs(List<LegId> legs) {
    return legs.stream().map(LegId::value).toList().toString();
  }
}
