package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.InputDifference;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the recorded inputs of two builds: every build-arg (in the later build's order, then
 * those only the earlier one passed), then base image, builder base image, Dockerfile and context
 * digests, builder and ccache mount id.
 */
final class InputComparison {
  private InputComparison() {}

  static List<InputDifference> differences(BuildInputs before, BuildInputs after) {
    List<InputDifference> out = new ArrayList<>();
    Map<String, String> earlier = args(before);
    Map<String, String> later = args(after);
    later.forEach(
        (name, value) -> {
          String old = earlier.get(name);
          if (!Objects.equals(old, value)) {
            out.add(new InputDifference("build-arg " + name, old, value));
          }
        });
    earlier.forEach(
        (name, value) -> {
          if (!later.containsKey(name)) {
            out.add(new InputDifference("build-arg " + name, value, null));
          }
        });
    compare(out, "base image", before.baseImage(), after.baseImage());
    compare(out, "builder base image", before.builderBaseImage(), after.builderBaseImage());
    compare(out, "Dockerfile digest", before.dockerfileDigest(), after.dockerfileDigest());
    compare(out, "context digest", before.contextDigest(), after.contextDigest());
    compare(out, "builder", before.builder(), after.builder());
    compare(out, "ccache mount id", before.ccacheMountId(), after.ccacheMountId());
    return out;
  }

  private static Map<String, String> args(BuildInputs inputs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (BuildArg arg : inputs.buildArgs()) {
      map.putIfAbsent(arg.name(), arg.value());
    }
    return map;
  }

  private static void compare(
      List<InputDifference> out, String input, String before, String after) {
    if (!Objects.equals(before, after)) {
      out.add(new InputDifference(input, before, after));
    }
  }

  /** {@code input: before → after} for messages. */
  static String describe(InputDifference d) {
    return d.input() + " " + shown(d.before()) + " → " + shown(d.after());
  }

  private static String shown(String value) {
    return value == null ? "(absent)" : value.isEmpty() ? "\"\"" : value;
  }
}
