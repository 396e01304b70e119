package dev.strata.domain.leg.api;

import dev.strata.domain.Values;
import java.util.List;

/**
 * Per-step cache statistics of one build: which steps were cached and which ran (DOMAIN.md 15.8).
 *
 * @param steps every build step in the order the builder reported it
 */
public record StepStats(List<BuildStep> steps) {
  public StepStats {
    steps = List.copyOf(Values.required(steps, "steps"));
  }

  public static StepStats empty() {
    return new StepStats(List.of());
  }

  public long cachedCount() {
    return steps.stream().filter(BuildStep::cached).count();
  }

  public long executedCount() {
    return steps.stream().filter(s -> !s.cached()).count();
  }

  /**
   * One build step.
   *
   * @param name the step's name as the builder prints it
   * @param cached whether the builder reused a cached result
   * @param durationMillis how long the step took (0 for cached steps)
   * @param error the error the step ended with, or null
   */
  public record BuildStep(String name, boolean cached, long durationMillis, String error) {
    public BuildStep {
      Values.required(name, "step name");
      if (durationMillis < 0) {
        throw new IllegalArgumentException(
            "Invalid step duration " + durationMillis + " ms for " + Values.quote(name));
      }
    }
  }
}
