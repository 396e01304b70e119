package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Planning a pipeline failed; the run cannot build it. Never a silent empty matrix. */
@Revision("1")
public record MatrixPlanningFailed(RunId runId, String pipeline, String reason, Instant at)
    implements RunEvent {}
