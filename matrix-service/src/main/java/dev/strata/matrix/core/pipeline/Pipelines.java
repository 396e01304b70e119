package dev.strata.matrix.core.pipeline;

import dev.strata.domain.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipelines a profile declares over one repository: the backend matrix (exactly one, the
 * default of {@code strata plan}) and fixed pipelines, in profile order.
 *
 * @param backend the backend matrix pipeline's name
 * @param fixed the fixed pipelines by name
 * @param order every pipeline name in profile order
 */
public record Pipelines(String backend, Map<String, FixedPipeline> fixed, List<String> order) {

  /** A profile without a {@code pipelines} section plans only the backend matrix. */
  public static final String DEFAULT_BACKEND = "backend";

  public Pipelines {
    Values.required(backend, "backend pipeline");
    fixed = Collections.unmodifiableMap(new LinkedHashMap<>(Values.required(fixed, "fixed")));
    order = List.copyOf(Values.required(order, "order"));
  }

  /** Only the backend matrix, named {@value #DEFAULT_BACKEND}. */
  public static Pipelines backendOnly() {
    return new Pipelines(DEFAULT_BACKEND, Map.of(), List.of(DEFAULT_BACKEND));
  }

  /** Builds from pipelines in profile order. */
  public static Pipelines of(String backend, List<FixedPipeline> fixed, List<String> order) {
    Map<String, FixedPipeline> byName = new LinkedHashMap<>();
    fixed.forEach(p -> byName.put(p.name(), p));
    return new Pipelines(backend, byName, new ArrayList<>(order));
  }

  /** The fixed pipeline {@code name}, if the profile declares one. */
  public Optional<FixedPipeline> fixed(String name) {
    return Optional.ofNullable(fixed.get(name));
  }

  /** Whether the profile declares {@code name}. */
  public boolean declares(String name) {
    return order.contains(name);
  }
}
