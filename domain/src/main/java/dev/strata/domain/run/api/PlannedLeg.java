package dev.strata.domain.run.api;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.Scalar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A leg the matrix-service selected: its id, the runner class that builds it, its merge group and
 * the matrix entry's fields verbatim (with their YAML types).
 *
 * @param legId the leg's id in the run
 * @param runnerClass the runner class that must build it ({@code runs-on}, or {@code macos-latest})
 * @param mergeGroup the tag-suffix group it is merged into
 * @param darwin whether it is a Darwin (native macOS) leg
 * @param fields the matrix entry, field by field, in file order
 */
public record PlannedLeg(
    LegId legId,
    RunnerClass runnerClass,
    TagSuffix mergeGroup,
    boolean darwin,
    Map<String, Scalar> fields) {
  public PlannedLeg {
    Values.required(legId, "leg id");
    Values.required(runnerClass, "runner class");
    Values.required(mergeGroup, "merge group");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(Values.required(fields, "fields")));
  }
}
