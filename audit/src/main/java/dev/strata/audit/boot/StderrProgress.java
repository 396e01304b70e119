package dev.strata.audit.boot;

import dev.strata.audit.core.ReplayProgress;
import java.io.PrintWriter;
import java.util.Locale;

/** Replay progress on stderr: a line every 50,000 events and a summary at the end. */
final class StderrProgress implements ReplayProgress {
  private final PrintWriter err;
  private final String what;

  StderrProgress(PrintWriter err, String what) {
    this.err = err;
    this.what = what;
  }

  @Override
  public void update(long events, long elapsedNanos, boolean last) {
    double seconds = elapsedNanos / 1e9;
    long rate = seconds > 0 ? Math.round(events / seconds) : 0;
    if (last) {
      err.println(
          String.format(
              Locale.ROOT,
              "%s: replayed %d events in %.1f s (%d events/s)",
              what,
              events,
              seconds,
              rate));
    } else {
      err.println(String.format(Locale.ROOT, "%s: %d events read (%d/s)", what, events, rate));
    }
    err.flush();
  }
}
