/** Legs: one build of one matrix entry on one runner class. */
package dev.strata.domain.leg.api;
