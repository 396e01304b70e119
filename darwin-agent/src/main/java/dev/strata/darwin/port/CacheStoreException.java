package dev.strata.darwin.port;

/** A cache store operation failed (I/O, registry error). */
public final class CacheStoreException extends Exception {
  public CacheStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public CacheStoreException(String message) {
    super(message);
  }
}
