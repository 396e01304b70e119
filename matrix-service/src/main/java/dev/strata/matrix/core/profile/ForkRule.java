package dev.strata.matrix.core.profile;

import dev.strata.domain.Values;
import java.util.List;
import java.util.Set;

/**
 * A fork dependency: the listed backends also count as changed when a file under one of the {@code
 * watch} prefixes changes (LocalAI's turboquant and bonsai follow {@code backend/cpp/llama-cpp/}).
 */
public record ForkRule(Set<String> backends, List<String> watch) {
  public ForkRule {
    backends = Set.copyOf(Values.required(backends, "fork backends"));
    watch = List.copyOf(Values.required(watch, "fork watch prefixes"));
  }
}
