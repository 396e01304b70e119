package dev.strata.audit.adapter.jdbc;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Payload type names to classes; unknown names (other services' events) resolve to null. */
final class PayloadTypes {
  private final Map<String, Optional<Class<?>>> types = new ConcurrentHashMap<>();

  Class<?> resolve(String name) {
    return types
        .computeIfAbsent(
            name,
            n -> {
              try {
                return Optional.of(Class.forName(n, false, PayloadTypes.class.getClassLoader()));
              } catch (ClassNotFoundException e) {
                return Optional.empty();
              }
            })
        .orElse(null);
  }
}
