package dev.strata.runtime.health;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a runtime's health: the event store and every tracking processor.
 *
 * @param eventStore whether the event store answers
 * @param processors every tracking processor, by name
 */
public record HealthReport(EventStoreHealth eventStore, List<ProcessorHealth> processors) {

  public HealthReport {
    Objects.requireNonNull(eventStore, "eventStore");
    processors = List.copyOf(processors);
  }

  /** The store answers and every processor runs without error. */
  public boolean healthy() {
    return eventStore.reachable() && processors.stream().allMatch(ProcessorHealth::healthy);
  }
}
