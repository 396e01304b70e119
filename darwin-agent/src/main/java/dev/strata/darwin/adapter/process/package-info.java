/** Runs external commands ({@link dev.strata.darwin.adapter.process.ProcessRunner}). */
package dev.strata.darwin.adapter.process;
