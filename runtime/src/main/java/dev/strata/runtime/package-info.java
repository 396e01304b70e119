/** Strata runtime. */
package dev.strata.runtime;
