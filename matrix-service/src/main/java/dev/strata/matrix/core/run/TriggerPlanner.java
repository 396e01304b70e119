package dev.strata.matrix.core.run;

import dev.strata.domain.trigger.api.Trigger;
import dev.strata.matrix.core.pipeline.FixedPlan;
import dev.strata.matrix.core.plan.PlanResult;

/**
 * Plans the pipelines of a trigger against the repository the profile points at: the backend matrix
 * ({@link #plan}) and the profile's fixed pipelines ({@link #planPipeline}). The service role
 * implements it over a local clone or mirror (fetched first when it can be).
 */
@FunctionalInterface
public interface TriggerPlanner {

  /**
   * Plans {@code trigger}. A plan that could not be made (missing commit, unreadable matrix) is a
   * result with a non-zero exit code and its error.
   *
   * @throws PlanningException when planning could not start (profile or repository unusable)
   */
  PlanResult plan(Trigger trigger) throws PlanningException;

  /**
   * Plans the fixed pipeline {@code pipeline} (root image, builder bases) for {@code trigger}.
   *
   * @throws PlanningException when the profile does not declare it, or planning could not start
   */
  default FixedPlan planPipeline(String pipeline, Trigger trigger) throws PlanningException {
    throw new PlanningException(
        "Tried to plan pipeline "
            + pipeline
            + " but failed because: this planner plans only the backend matrix",
        null);
  }

  /** Planning could not start; the message says why, naming the file or repository. */
  final class PlanningException extends Exception {
    public PlanningException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
