package dev.strata.audit.port;

/** Reading the event log failed; the message names the store and the event. */
public class EventLogException extends Exception {

  public EventLogException(String message, Throwable cause) {
    super(message, cause);
  }
}
