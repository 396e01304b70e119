package dev.strata.domain.run.api;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A Darwin native cache was restored (or missed) for a leg: {@code outcome} is HIT (exact key),
 * PARTIAL (restore-prefix match, {@code matchedKey}) or MISS; CORRUPT when the archive failed its
 * checksum.
 */
@Revision("1")
public record DarwinCacheRestored(
    RunId runId,
    LegId legId,
    String cache,
    String key,
    CacheOutcome outcome,
    String matchedKey,
    long bytes,
    Instant at)
    implements RunEvent {}
