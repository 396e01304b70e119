package dev.strata.audit.adapter.jdbc;

/** A row could not be read or deserialized; carried from a worker thread to the caller. */
final class ReadFailure extends RuntimeException {
  ReadFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
