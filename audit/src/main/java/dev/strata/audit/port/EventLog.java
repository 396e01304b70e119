package dev.strata.audit.port;

import java.util.function.Predicate;

/**
 * The event log, read from the beginning in global order. Implementations read a consistent
 * snapshot: events committed while the replay runs may or may not be seen, but never out of order.
 */
public interface EventLog {

  /**
   * Replays the log into {@code sink}.
   *
   * @param wanted the payload types the sink applies; the log may skip deserializing others and
   *     report them through {@link Sink#skipped}
   * @return the number of events read
   * @throws EventLogException when the store cannot be read or an event cannot be deserialized
   */
  long replay(Predicate<Class<?>> wanted, Sink sink) throws EventLogException;

  /** Where a replay delivers the events. */
  interface Sink {
    /**
     * One event of a wanted type.
     *
     * @param index its global index
     * @param payload the deserialized event
     * @return whether to go on (false ends the replay early)
     */
    boolean event(long index, Object payload);

    /** One event of another type, not deserialized. */
    void skipped(long index);
  }

  /** Where the log is (for messages), without any password. */
  String describe();
}
