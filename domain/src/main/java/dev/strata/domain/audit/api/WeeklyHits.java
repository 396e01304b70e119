package dev.strata.domain.audit.api;

/**
 * The reads of a cache ref in one ISO week and their step cache statistics.
 *
 * @param week the ISO week key, e.g. {@code 2026-W48}
 * @param reads builds that read the ref that week
 * @param cachedSteps their steps served from cache
 * @param executedSteps their steps that ran
 * @param hitRatio {@code cachedSteps / (cachedSteps + executedSteps)} rounded to 4 decimals, or
 *     null when no step was recorded
 */
public record WeeklyHits(
    String week, long reads, long cachedSteps, long executedSteps, Double hitRatio) {}
