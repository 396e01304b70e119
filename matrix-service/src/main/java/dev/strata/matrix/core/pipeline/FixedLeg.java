package dev.strata.matrix.core.pipeline;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.Scalar;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One leg of a fixed pipeline, as the profile declares it.
 *
 * @param id its id in a run (e.g. {@code root:-gpu-vulkan@arm64})
 * @param runner the runner class that builds it
 * @param mergeGroup the merge group it belongs to ({@code ""} for legs that are never merged)
 * @param fields its fields in file order (defaults first)
 * @param pullRequestFields fields that replace (or extend) {@code fields} on pull requests
 */
public record FixedLeg(
    LegId id,
    RunnerClass runner,
    TagSuffix mergeGroup,
    Map<String, Scalar> fields,
    Map<String, Scalar> pullRequestFields) {

  public FixedLeg {
    Values.required(id, "leg id");
    Values.required(runner, "runner class");
    Values.required(mergeGroup, "merge group");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(Values.required(fields, "fields")));
    pullRequestFields =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Values.required(pullRequestFields, "pull request fields")));
  }

  /** The fields a run builds with: on pull requests, the overrides replace their keys in place. */
  public Map<String, Scalar> fieldsFor(boolean pullRequest) {
    if (!pullRequest || pullRequestFields.isEmpty()) {
      return fields;
    }
    Map<String, Scalar> merged = new LinkedHashMap<>(fields);
    merged.putAll(pullRequestFields);
    return merged;
  }
}
