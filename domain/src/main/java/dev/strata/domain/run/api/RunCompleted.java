package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Every leg of the run ended and every merge group was resolved. */
@Revision("1")
public record RunCompleted(RunId runId, RunOutcome outcome, Instant at) implements RunEvent {}
