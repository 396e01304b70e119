package dev.strata.audit.core;

/** Told about a long replay's progress (the command prints it on stderr). */
@FunctionalInterface
public interface ReplayProgress {

  /** Nothing to tell. */
  ReplayProgress SILENT = (events, nanos, last) -> {};

  /**
   * Called now and then while replaying, and once at the end ({@code last} true).
   *
   * @param events events read so far
   * @param elapsedNanos time since the replay began
   */
  void update(long events, long elapsedNanos, boolean last);
}
