package dev.strata.runtime.health;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The state of one tracking event processor.
 *
 * @param name the processor (= processing group) name
 * @param running whether its worker runs
 * @param error the last processing error while it is in error mode (it retries with back-off)
 * @param position global index of the last event it processed, if any
 * @param replaying whether it is replaying after a reset
 */
public record ProcessorHealth(
    String name,
    boolean running,
    Optional<String> error,
    OptionalLong position,
    boolean replaying) {

  public ProcessorHealth {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(position, "position");
  }

  /** Running and not in error. */
  public boolean healthy() {
    return running && error.isEmpty();
  }
}
