/** Strata launcher. */
package dev.strata.launcher;
