package dev.strata.runtime.agent;

import java.util.List;

/**
 * A failed build, as reported to the gateway (it becomes {@code LegFailed}).
 *
 * @param failedStep the step that failed, e.g. {@code [builder 5/5] RUN make}
 * @param reason why
 * @param lastLogLines the last log lines (the builder sends 50)
 */
public record LegFailureReport(String failedStep, String reason, List<String> lastLogLines) {
  public LegFailureReport {
    lastLogLines = List.copyOf(lastLogLines);
  }
}
