package dev.strata.matrix.core.pipeline;

import dev.strata.domain.Values;
import java.util.List;

/**
 * A pipeline whose legs are a fixed list built or skipped as a whole (LocalAI's root image and its
 * prebuilt builder bases), with the rules deciding which.
 *
 * @param name the pipeline's name (as runs and {@code strata plan --pipeline} name it)
 * @param kind the profile's kind ({@code fixed-legs}, {@code builder-bases})
 * @param rules when it runs
 * @param legs every leg, in profile order
 * @param merges its merge jobs (empty when nothing is merged)
 */
public record FixedPipeline(
    String name, String kind, TriggerRules rules, List<FixedLeg> legs, List<FixedMerge> merges) {
  public FixedPipeline {
    Values.required(name, "pipeline name");
    Values.required(kind, "pipeline kind");
    Values.required(rules, "trigger rules");
    legs = List.copyOf(Values.required(legs, "legs"));
    merges = List.copyOf(Values.required(merges, "merges"));
  }
}
