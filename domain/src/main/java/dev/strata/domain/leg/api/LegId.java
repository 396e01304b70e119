package dev.strata.domain.leg.api;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.LegKey;
import java.util.regex.Pattern;

/**
 * The id of a leg inside a run. Linux backend legs use their {@link LegKey} form ({@code
 * -cpu-vllm@amd64}); Darwin legs {@code darwin:<backend>}; other pipelines prefix their name
 * ({@code root:-gpu-vulkan@arm64}).
 */
public record LegId(String value) {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._@:/-]{1,200}");

  public LegId {
    Values.matching(
        value, VALID, "leg id", "1 to 200 of [A-Za-z0-9._@:/-], e.g. \"-cpu-vllm@amd64\"");
  }

  public static LegId of(String value) {
    return new LegId(value);
  }

  public static LegId linux(LegKey key) {
    return new LegId(key.toString());
  }

  public static LegId darwin(String backend) {
    return new LegId("darwin:" + backend);
  }

  public boolean isDarwin() {
    return value.startsWith("darwin:");
  }

  @Override
  public String toString() {
    return value;
  }
}
