/** Composition roots: the {@code darwin-agent} and {@code cache budget} commands. */
package dev.strata.darwin.boot;
