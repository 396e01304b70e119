/** The {@code BuildRun} aggregate: one per trigger. */
package dev.strata.domain.run.model;
