/** Strata builder-agent. */
package dev.strata.builder;
