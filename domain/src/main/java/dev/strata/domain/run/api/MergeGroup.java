package dev.strata.domain.run.api;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import java.util.List;

/**
 * One merge group of a run (DOMAIN.md 3.10): a tag-suffix, its {@code tag-latest}, the legs this
 * run builds for it, and every leg the group has in the matrix. A complete index needs a digest for
 * each of {@code groupLegs} (DOMAIN.md 15.4).
 *
 * @param tagSuffix the group key
 * @param tagLatest the first leg's tag-latest ({@code auto}, {@code true}, {@code false}, or "")
 * @param selectedLegs the legs of the group this run builds
 * @param groupLegs every leg of the group in the current matrix, selected or not
 */
public record MergeGroup(
    TagSuffix tagSuffix, String tagLatest, List<LegId> selectedLegs, List<LegId> groupLegs) {
  public MergeGroup {
    Values.required(tagSuffix, "tag-suffix");
    Values.required(tagLatest, "tag-latest");
    selectedLegs = List.copyOf(selectedLegs);
    groupLegs = List.copyOf(groupLegs);
    if (!groupLegs.containsAll(selectedLegs)) {
      throw new IllegalArgumentException(
          "Merge group "
              + Values.quote(tagSuffix.value())
              + " selects legs "
              + selectedLegs
              + " that are not all in its group "
              + groupLegs);
    }
  }
}
