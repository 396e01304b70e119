/**
 * The published language of a run: commands sent to the {@code BuildRun} aggregate and the events
 * it records. Events are forever: every event carries {@code @Revision}; change one only with an
 * upcaster.
 */
package dev.strata.domain.run.api;
