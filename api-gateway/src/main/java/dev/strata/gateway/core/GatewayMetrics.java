package dev.strata.gateway.core;

import dev.strata.domain.run.api.LegState;
import dev.strata.domain.run.api.RunState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauges for Prometheus: runs by state, legs by state, and each event processor's lag behind the
 * head of the log (refreshed from {@link GatewayHealth} before every scrape).
 */
public final class GatewayMetrics {
  private final Map<String, Long> lag = new ConcurrentHashMap<>();
  private final MeterRegistry registry;

  public GatewayMetrics(MeterRegistry registry, RunBoard board) {
    this.registry = registry;
    for (RunState state : RunState.values()) {
      Gauge.builder("strata.runs", board, b -> b.runCounts().get(state))
          .description("Runs by state, as this gateway's projection sees them")
          .tag("state", state.name())
          .register(registry);
    }
    for (LegState state : LegState.values()) {
      Gauge.builder("strata.legs", board, b -> b.legCounts().get(state))
          .description("Legs by state")
          .tag("state", state.name())
          .register(registry);
    }
  }

  /** Updates the processor-lag gauges from a fresh health report. */
  public void refresh(GatewayHealth.Report report) {
    for (GatewayHealth.ProcessorState p : report.processors()) {
      if (lag.put(p.name(), p.lag()) == null) {
        Gauge.builder("strata.processor.lag", lag, m -> m.getOrDefault(p.name(), 0L))
            .description("Events between the head of the log and the processor's position")
            .baseUnit("events")
            .tag("processor", p.name())
            .register(registry);
      }
    }
  }
}
