package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A pending run left the queue of its concurrency group and may now build. */
@Revision("1")
public record RunStarted(RunId runId, Instant at) implements RunEvent {}
