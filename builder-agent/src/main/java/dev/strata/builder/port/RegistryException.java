package dev.strata.builder.port;

/**
 * A registry operation failed. {@link #isTransient()} says whether retrying may help (network
 * errors, 5xx, 429) or not (404, 400, 401/403).
 */
public class RegistryException extends Exception {
  private final boolean transientFailure;

  public RegistryException(String message, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  public RegistryException(String message, boolean transientFailure) {
    this(message, transientFailure, null);
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
