package dev.strata.matrix.port;

/** An input a plan cannot do without (the current matrix) could not be read. */
public final class PlanInputException extends Exception {
  public PlanInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
