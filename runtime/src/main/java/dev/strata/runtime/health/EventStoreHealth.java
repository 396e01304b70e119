package dev.strata.runtime.health;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether the event store answered a cheap query.
 *
 * @param location the database URL without password
 * @param reachable whether the query succeeded
 * @param headIndex the highest global index stored (-1 when empty), when reachable
 * @param error why it is unreachable
 */
public record EventStoreHealth(
    String location, boolean reachable, long headIndex, Optional<String> error) {

  public EventStoreHealth {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(error, "error");
  }
}
