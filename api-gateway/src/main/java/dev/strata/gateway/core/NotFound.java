package dev.strata.gateway.core;

/** A resource the request names does not exist (an unknown run, agent or leg). */
public final class NotFound extends RuntimeException {
  public NotFound(String message) {
    super(message);
  }
}
