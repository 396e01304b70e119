package dev.strata.runtime.agent;

/**
 * A call to the gateway failed. {@link #status()} is the HTTP status (0 when there was no answer);
 * {@link #isTransient()} says whether retrying may help (no answer, 429, 5xx).
 */
public final class GatewayException extends Exception {
  private final int status;

  public GatewayException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public boolean isTransient() {
    return status == 0 || status == 429 || status >= 500;
  }
}
