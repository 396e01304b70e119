package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A Darwin native cache was saved. {@code gated} is false when the save ran although the event was
 * a pull request (LocalAI's ungated Go save).
 */
@Revision("1")
public record DarwinCacheSaved(
    RunId runId, LegId legId, String cache, String key, long bytes, boolean gated, Instant at)
    implements RunEvent {}
