/**
 * {@code strata dev seed-history}: a deterministic simulation of a LocalAI-shaped CI history
 * (pushes, pull requests, weekly schedules, releases, base images, failures, evictions, Darwin
 * caches) turned into commands, written through the real aggregates in batches on several threads.
 */
package dev.strata.audit.core.seed;
