package dev.strata.domain.run.api;

/**
 * A command the run refused because it contradicts what the run recorded (unknown leg, a second,
 * different digest, anything after cancellation). The message says what was asked and why not.
 */
public class RunRefusedException extends IllegalStateException {
  public RunRefusedException(String message) {
    super(message);
  }
}
