package dev.strata.darwin.port;

/** A registry refused a request or did not answer. "Not found" is never this exception. */
public final class RegistryException extends Exception {
  public RegistryException(String message, Throwable cause) {
    super(message, cause);
  }

  public RegistryException(String message) {
    super(message);
  }
}
