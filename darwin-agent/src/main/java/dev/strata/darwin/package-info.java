/** Strata darwin-agent. */
package dev.strata.darwin;
