package dev.strata.it.processes;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Prints the tail of every process log when a test fails (Failsafe keeps it in its report). */
final class ProcessLogs implements AfterTestExecutionCallback {
  private volatile ProcessStack stack;

  /** Watches {@code watched}; returns it. */
  ProcessStack watch(ProcessStack watched) {
    this.stack = watched;
    return watched;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    ProcessStack s = stack;
    if (context.getExecutionException().isPresent() && s != null) {
      System.out.println(
          "Test "
              + context.getDisplayName()
              + " failed; process logs (full logs under target/processes):"
              + s.logTails(120));
    }
  }
}
