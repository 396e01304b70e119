package dev.strata.merge.core;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.MergeSource;
import java.util.List;

/** What to do with one merge group now. */
public sealed interface MergeDecision {

  /** Nothing to do yet: a selected leg is still building. */
  record Wait(List<LegId> building) implements MergeDecision {
    public Wait {
      building = List.copyOf(building);
    }
  }

  /** Nothing to do ever for this group (pull request, cancelled, merged already, Darwin only). */
  record Skip(String why) implements MergeDecision {}

  /** The group must not be published now; record why and which legs are missing. */
  record Defer(String reason, List<LegId> missing) implements MergeDecision {
    public Defer {
      missing = List.copyOf(missing);
    }
  }

  /** Publish an index of these sources, one per Linux leg of the group, in group order. */
  record Merge(List<MergeSource> sources) implements MergeDecision {
    public Merge {
      sources = List.copyOf(sources);
    }
  }
}
