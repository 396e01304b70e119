package dev.strata.gateway.core;

import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Reads a run's events straight from the event store: the authoritative record, not the projection.
 * Blocking; call it from a worker thread.
 */
public final class EventLog {
  private final EventStore store;

  public EventLog(EventStore store) {
    this.store = store;
  }

  /** One stored event of a run. */
  public record StoredEvent(long sequence, String type, Instant at, Object payload) {}

  /** Every event of {@code runId}, in order; empty when the run does not exist. */
  public List<StoredEvent> read(RunId runId) {
    List<StoredEvent> out = new ArrayList<>();
    DomainEventStream stream = store.readEvents(runId.value());
    while (stream.hasNext()) {
      DomainEventMessage<?> m = stream.next();
      out.add(
          new StoredEvent(
              m.getSequenceNumber(),
              m.getPayloadType().getSimpleName(),
              m.getTimestamp(),
              m.getPayload()));
    }
    return out;
  }

  /** The event that created {@code runId}, when it exists. */
  public Optional<TriggerReceived> received(RunId runId) {
    DomainEventStream stream = store.readEvents(runId.value(), 0);
    if (stream.hasNext() && stream.next().getPayload() instanceof TriggerReceived r) {
      return Optional.of(r);
    }
    return Optional.empty();
  }

  /** Whether any aggregate with this id has events (used for schedule slots and agents). */
  public boolean exists(String aggregateId) {
    return store.readEvents(aggregateId, 0).hasNext();
  }
}
