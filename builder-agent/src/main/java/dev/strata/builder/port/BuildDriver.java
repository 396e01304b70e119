package dev.strata.builder.port;

import dev.strata.domain.leg.model.BasePlan;
import dev.strata.domain.leg.model.BuildPlan;
import java.nio.file.Path;

/** Runs a leg's {@link BuildPlan} on a builder and pushes what the plan says. */
public interface BuildDriver {

  /** The builder, for the recorded build inputs, e.g. {@code engine docker 20.10.24}. */
  String describe();

  /**
   * Whether the builder's Dockerfile frontend expands variables in {@code RUN --mount} options
   * (buildx does; dockerd 20.10's built-in frontend does not, see {@code CacheMountIds}).
   */
  boolean expandsMountVariables();

  /**
   * Builds {@code plan} from the checkout {@code checkout} and pushes.
   *
   * @throws BuildException when a step, the push or the anchor fails (a cache write failing is
   *     logged and ignored)
   * @throws InterruptedException when the build was cancelled; the build process is stopped
   */
  BuildOutcome build(BuildPlan plan, Path checkout, BuildListener listener)
      throws BuildException, InterruptedException;

  /** Builds and pushes a prebuilt builder base (DOMAIN.md 6.1) under its tag. */
  BuildOutcome buildBase(BasePlan plan, Path checkout, BuildListener listener)
      throws BuildException, InterruptedException;
}
