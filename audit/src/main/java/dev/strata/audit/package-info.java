/**
 * {@code strata audit}: replays the event log from the beginning into the pure audit model ({@code
 * dev.strata.domain.audit.model}) and reports cache use and invariant violations as text, JSON or a
 * self-contained HTML page; explains a leg's cache miss; seeds synthetic history for measurement.
 * Depends on domain and runtime only, like every service.
 */
package dev.strata.audit;
