package dev.strata.darwin.port;

/** The control plane refused a report or could not be reached. */
public final class ControlPlaneException extends Exception {
  public ControlPlaneException(String message, Throwable cause) {
    super(message, cause);
  }

  public ControlPlaneException(String message) {
    super(message);
  }
}
