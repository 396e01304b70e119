package dev.strata.merge.core;

import dev.strata.runtime.registry.RegistryException;

/**
 * A merge failed for a reason that may go away (the registry did not answer, 429, 5xx). Thrown out
 * of the event handler so that the tracking processor keeps its token before the event and tries it
 * again later; nothing was recorded.
 */
public class MergeRetryException extends RuntimeException {
  public MergeRetryException(String what, RegistryException cause) {
    super(
        "Tried to " + what + " but failed because: " + cause.getMessage() + "; will retry", cause);
  }
}
