package dev.strata.matrix.adapter.yaml;

/** A profile file could not be read or is malformed; the message names file, line and fix. */
public final class ProfileException extends Exception {
  public ProfileException(String message, Throwable cause) {
    super(message, cause);
  }
}
