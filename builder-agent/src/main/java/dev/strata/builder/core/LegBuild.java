package dev.strata.builder.core;

import dev.strata.builder.port.BuildOutcome;
import dev.strata.domain.run.api.BuildInputs;

/**
 * A built leg: what the driver pushed and the recorded inputs (ccache hits included).
 *
 * @param outcome the driver's outcome
 * @param inputs what went into the build, for the audit
 */
public record LegBuild(BuildOutcome outcome, BuildInputs inputs) {}
