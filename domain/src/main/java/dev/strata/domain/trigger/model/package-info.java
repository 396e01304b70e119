/**
 * Trigger policies: concurrency group keys per workflow and the per-group run queue, with Strata's
 * rule that release runs are never cancelled (DOMAIN.md 9, 15.5).
 */
package dev.strata.domain.trigger.model;
