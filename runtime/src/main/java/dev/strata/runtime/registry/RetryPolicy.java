package dev.strata.runtime.registry;

import java.time.Duration;

/**
 * How often and how patiently a registry call is repeated after a transient failure (HTTP 429, 5xx,
 * or no answer): exponential backoff from {@code initialBackoff}, capped at {@code maxBackoff}.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException(
          "Invalid retry attempts " + maxAttempts + ": expected at least 1");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "Invalid retry backoff "
              + initialBackoff
              + ".."
              + maxBackoff
              + ": expected 0 <= min <= max");
    }
  }

  /** Four attempts, 200 ms to 2 s apart: a few seconds, then the caller decides. */
  public static RetryPolicy standard() {
    return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(2));
  }

  /** One attempt only. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /**
   * The wait before attempt {@code attempt + 1} (attempts count from 1). A server's {@code
   * Retry-After} is honoured up to {@code maxBackoff}.
   */
  Duration backoff(int attempt, Duration retryAfter) {
    if (retryAfter != null) {
      return retryAfter.compareTo(maxBackoff) > 0 ? maxBackoff : retryAfter;
    }
    long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
