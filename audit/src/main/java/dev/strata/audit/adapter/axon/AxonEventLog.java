package dev.strata.audit.adapter.axon;

import dev.strata.audit.port.EventLog;
import dev.strata.audit.port.EventLogException;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Reads the log through Axon's {@code EventStore.openStream(null)}, as {@code strata events} does:
 * upcasters apply, but every event becomes a full message first. Kept to compare against {@link
 * dev.strata.audit.adapter.jdbc.JdbcEventLog} (see benchmarks/audit.md).
 */
public final class AxonEventLog implements EventLog {

  private final EventStore eventStore;
  private final String description;

  public AxonEventLog(EventStore eventStore, String description) {
    this.eventStore = eventStore;
    this.description = description;
  }

  @Override
  public long replay(Predicate<Class<?>> wanted, Sink sink) throws EventLogException {
    long read = 0;
    try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
      while (stream.hasNextAvailable()) {
        TrackedEventMessage<?> message = stream.nextAvailable();
        read++;
        long index = message.trackingToken().position().orElse(-1);
        if (!wanted.test(message.getPayloadType())) {
          sink.skipped(index);
        } else if (!sink.event(index, message.getPayload())) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EventLogException(
          "Tried to read the event log at " + description + " but failed because: interrupted", e);
    } catch (RuntimeException e) {
      throw new EventLogException(
          "Tried to read the event log at "
              + description
              + " after "
              + read
              + " events but failed because: "
              + e.getMessage(),
          e);
    }
    return read;
  }

  @Override
  public String describe() {
    return description;
  }
}
