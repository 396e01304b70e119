/** Triggers: what started a run (push, tag push, pull request, schedule, dispatch). */
package dev.strata.domain.trigger.api;
