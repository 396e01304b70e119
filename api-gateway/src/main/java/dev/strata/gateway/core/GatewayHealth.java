package dev.strata.gateway.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Health and lag of this process's Axon parts: is the event store reachable, does every processor
 * run without error, and how far behind the head of the log each one is. Blocking (it reads the
 * store's head); call it from a worker thread.
 */
public final class GatewayHealth {
  private final Configuration axon;

  public GatewayHealth(Configuration axon) {
    this.axon = axon;
  }

  /** One processor's state. */
  public record ProcessorState(
      String name, boolean running, boolean error, long position, long lag) {}

  /** The whole report; {@code up} when the store answers and every processor runs cleanly. */
  public record Report(boolean up, String eventStore, long head, List<ProcessorState> processors) {}

  public Report check() {
    long head;
    String store;
    try {
      head = position(axon.eventStore().createHeadToken());
      store = "reachable";
    } catch (RuntimeException e) {
      return new Report(false, "unreachable: " + e.getClass().getSimpleName(), -1, List.of());
    }
    List<ProcessorState> states = new ArrayList<>();
    boolean up = true;
    for (Map.Entry<String, EventProcessor> e : processors().entrySet()) {
      if (e.getValue() instanceof StreamingEventProcessor p) {
        long position =
            p.processingStatus().values().stream()
                .map(s -> s.getCurrentPosition().orElse(-1))
                .min(Long::compare)
                .orElse(-1L);
        boolean error = p.isError();
        up &= p.isRunning() && !error;
        states.add(
            new ProcessorState(
                e.getKey(), p.isRunning(), error, position, Math.max(0, head - position)));
      }
    }
    return new Report(up, store, head, states);
  }

  private Map<String, EventProcessor> processors() {
    return new LinkedHashMap<>(axon.eventProcessingConfiguration().eventProcessors());
  }

  private static long position(TrackingToken token) {
    if (token == null) {
      return -1;
    }
    OptionalLong p = token.position();
    return p.isPresent() ? p.getAsLong() : -1;
  }

  /** Whether the processor {@code name} has caught up with the head of the log. */
  public boolean caughtUp(String name) {
    EventProcessor processor = processors().get(name);
    if (processor instanceof StreamingEventProcessor p) {
      var status = p.processingStatus();
      return !status.isEmpty() && status.values().stream().allMatch(s -> s.isCaughtUp());
    }
    return false;
  }
}
