package dev.strata.darwin.port;

import java.util.function.Consumer;

/** Reads the event log from the beginning: the payloads, in log order. */
public interface EventLog {
  /** Hands every stored event's payload to {@code sink}, oldest first. */
  void replay(Consumer<Object> sink) throws Exception;
}
