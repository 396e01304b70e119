package dev.strata.merge.boot;

import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the whole event log, from the first event to the head as it is when reading starts. */
final class EventLogReader {
  private static final Logger LOG = LoggerFactory.getLogger(EventLogReader.class);
  private static final int STALL_SECONDS = 10;

  private EventLogReader() {}

  /** Feeds every stored event's payload and token to {@code sink}; returns how many. */
  static long readAll(EventStore store, BiConsumer<Object, TrackingToken> sink) {
    TrackingToken head = store.createHeadToken();
    long headPosition = head == null ? -1 : head.position().orElse(-1);
    if (headPosition < 0) {
      return 0;
    }
    long count = 0;
    try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
      while (stream.hasNextAvailable(STALL_SECONDS, TimeUnit.SECONDS)) {
        TrackedEventMessage<?> message = stream.nextAvailable();
        sink.accept(message.getPayload(), message.trackingToken());
        count++;
        if (message.trackingToken().position().orElse(-1) >= headPosition) {
          return count;
        }
      }
      LOG.warn(
          "Reading the event log stalled after {} events before position {}; the processor"
              + " catches up with the rest",
          count,
          headPosition);
      return count;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the event log", e);
    }
  }
}
