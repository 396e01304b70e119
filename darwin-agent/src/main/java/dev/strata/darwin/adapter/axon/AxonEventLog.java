package dev.strata.darwin.adapter.axon;

import dev.strata.darwin.port.EventLog;
import java.util.function.Consumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** The event log of an Axon event store, read once from the first event to the current head. */
public final class AxonEventLog implements EventLog {
  private final EventStore store;

  public AxonEventLog(EventStore store) {
    this.store = store;
  }

  @Override
  public void replay(Consumer<Object> sink) throws Exception {
    try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
      while (stream.hasNextAvailable()) {
        sink.accept(stream.nextAvailable().getPayload());
      }
    }
  }
}
