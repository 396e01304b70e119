package dev.strata.domain.audit.api;

import java.time.Instant;

/**
 * One event that proves (part of) a finding: its global index in the log, its type and the run and
 * leg it concerns.
 *
 * @param index the event's global index in the event log
 * @param event the event type, e.g. {@code ArchDigestPushed}
 * @param run the run id, or null for events outside runs ({@code CacheEvicted})
 * @param leg the leg id, or null
 * @param at when the event happened
 */
public record Evidence(long index, String event, String run, String leg, Instant at) {}
