package dev.strata.builder.core;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a leg's time went, phase by phase ({@code checkout}, {@code plan}, {@code base check},
 * {@code ccache restore}, {@code engine build}, {@code push}, {@code cache write}, {@code ccache
 * save}, {@code report}) and in total. Strata's overhead is the total minus the engine's own build.
 *
 * @param leg the leg reference
 * @param phases durations per phase, in the order they ended (repeated phases are summed)
 * @param total the leg's wall time from claim to report
 */
public record LegTimings(String leg, Map<String, Duration> phases, Duration total) {
  /** The engine build phase's name. */
  public static final String ENGINE_BUILD = "engine build";

  public LegTimings {
    phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
  }

  /** Everything but the engine's build. */
  public Duration overhead() {
    return total.minus(phases.getOrDefault(ENGINE_BUILD, Duration.ZERO));
  }

  /** One line for the log: total, engine build, overhead and each phase in milliseconds. */
  public String summary() {
    StringBuilder sb =
        new StringBuilder(leg)
            .append(": ")
            .append(total.toMillis())
            .append(" ms (engine build ")
            .append(phases.getOrDefault(ENGINE_BUILD, Duration.ZERO).toMillis())
            .append(" ms, overhead ")
            .append(overhead().toMillis())
            .append(" ms");
    phases.forEach(
        (k, v) -> {
          if (!k.equals(ENGINE_BUILD)) {
            sb.append(", ").append(k).append(' ').append(v.toMillis());
          }
        });
    return sb.append(')').toString();
  }
}
