package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The run was cancelled: by a newer run of its concurrency group ({@code cancelledBy} = {@code
 * run:<id>}) or by a user ({@code user:<name>}).
 */
@Revision("1")
public record RunCancelled(RunId runId, String reason, String cancelledBy, Instant at)
    implements RunEvent {}
