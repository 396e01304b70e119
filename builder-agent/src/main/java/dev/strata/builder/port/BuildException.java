package dev.strata.builder.port;

import java.util.List;

/**
 * A leg's build failed: which step, why, and the last log lines (DOMAIN.md LegFailed).
 * Infrastructure trouble that retrying may cure (registry unreachable) is {@link #isTransient()}.
 */
public class BuildException extends Exception {
  /** How many log lines a failure carries. */
  public static final int LOG_LINES = 50;

  private final String failedStep;
  private final List<String> lastLogLines;
  private final boolean transientFailure;

  public BuildException(
      String failedStep,
      String reason,
      List<String> lastLogLines,
      boolean transientFailure,
      Throwable cause) {
    super(reason, cause);
    this.failedStep = failedStep;
    this.lastLogLines =
        List.copyOf(
            lastLogLines.subList(
                Math.max(0, lastLogLines.size() - LOG_LINES), lastLogLines.size()));
    this.transientFailure = transientFailure;
  }

  public BuildException(String failedStep, String reason, List<String> lastLogLines) {
    this(failedStep, reason, lastLogLines, false, null);
  }

  /** The step that failed, e.g. {@code [build 3/5] RUN make}, or a phase such as {@code push}. */
  public String failedStep() {
    return failedStep;
  }

  /** Why it failed. */
  public String reason() {
    return getMessage();
  }

  /** The last at most {@value #LOG_LINES} log lines. */
  public List<String> lastLogLines() {
    return lastLogLines;
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
