package dev.strata.domain.trigger.model;

import dev.strata.domain.Values;

/**
 * A concurrency group key, e.g. {@code ci-backends-82c191afadf5f005281e798ccfa0ffd0d5805030-
 * mudler/LocalAI}. Runs in one group queue behind each other ({@link ConcurrencyQueue}).
 */
public record ConcurrencyGroup(String key) {
  public ConcurrencyGroup {
    Values.required(key, "concurrency group");
    if (key.isBlank()) {
      throw new IllegalArgumentException("Invalid concurrency group \"\": expected a key");
    }
  }

  @Override
  public String toString() {
    return key;
  }
}
