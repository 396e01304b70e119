package dev.strata.gateway.core;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.RunId;

/**
 * A leg of a run. Its text form {@code <run>:<leg>} (e.g. {@code k3x...:-cpu-vllm@amd64}) is the
 * {@code {leg}} path segment of the agent API; run ids never contain {@code :}.
 */
public record LegRef(RunId runId, LegId legId) {

  /** Parses {@code <run>:<leg>}; throws {@link IllegalArgumentException} naming the input. */
  public static LegRef parse(String raw) {
    int colon = raw == null ? -1 : raw.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "Invalid leg reference \""
              + raw
              + "\": expected <run id>:<leg id>, e.g. \"k3x9:-cpu-vllm@amd64\" as returned by claim");
    }
    return new LegRef(RunId.of(raw.substring(0, colon)), LegId.of(raw.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return runId.value() + ":" + legId.value();
  }
}
