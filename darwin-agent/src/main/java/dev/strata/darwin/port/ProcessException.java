package dev.strata.darwin.port;

/** An external command could not be started, or was interrupted while running. */
public final class ProcessException extends Exception {
  public ProcessException(String message, Throwable cause) {
    super(message, cause);
  }

  public ProcessException(String message) {
    super(message);
  }
}
