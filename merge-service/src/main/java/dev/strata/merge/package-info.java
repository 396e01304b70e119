/** Strata merge-service. */
package dev.strata.merge;
