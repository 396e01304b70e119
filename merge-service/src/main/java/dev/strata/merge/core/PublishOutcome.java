package dev.strata.merge.core;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.api.PublishedIndex;
import java.util.List;

/** The result of publishing one group's index to every repository. */
public sealed interface PublishOutcome {

  /** Every repository has the index under every tag. */
  record Published(List<PublishedIndex> indexes) implements PublishOutcome {
    public Published {
      indexes = List.copyOf(indexes);
    }
  }

  /** Nothing was tagged: a source could not be made available, or the registry refused. */
  record Refused(String reason, List<LegId> missing) implements PublishOutcome {
    public Refused {
      missing = List.copyOf(missing);
    }
  }
}
