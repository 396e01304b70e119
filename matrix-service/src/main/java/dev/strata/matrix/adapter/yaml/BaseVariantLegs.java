package dev.strata.matrix.adapter.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.matrix.core.pipeline.FixedLeg;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A builder-bases leg from one entry of the builder's {@code builder.bases.variants} (the list the
 * builder-agent reads and validates): its keys in kebab case, then the bases' {@code dockerfile}
 * and {@code context}. Id {@code <prefix><tag>}, runner {@code runsOn}, never merged.
 */
final class BaseVariantLegs {
  private BaseVariantLegs() {}

  static FixedLeg leg(String prefix, JsonNode bases, JsonNode variant, int index) {
    String where = "builder.bases.variants[" + index + "]";
    if (variant == null || !variant.isObject()) {
      throw new IllegalArgumentException(
          where + ": must be a mapping, e.g. {tag: base-grpc-amd64}");
    }
    Map<String, Scalar> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : variant.properties()) {
      fields.put(kebab(f.getKey()), scalar(where + "." + f.getKey(), f.getValue()));
    }
    String tag = text(variant, "tag", where);
    String runsOn = text(variant, "runsOn", where);
    JsonNode dockerfile = bases.get("dockerfile");
    if (dockerfile != null && dockerfile.isTextual()) {
      fields.put("dockerfile", Scalar.string(dockerfile.asText()));
    }
    JsonNode context = bases.get("context");
    fields.put(
        "context", Scalar.string(context != null && context.isTextual() ? context.asText() : "./"));
    try {
      return new FixedLeg(
          LegId.of(prefix + tag), RunnerClass.of(runsOn), TagSuffix.NONE, fields, Map.of());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode variant, String key, String where) {
    JsonNode v = variant.get(key);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new IllegalArgumentException(where + ": needs " + key + ": <text>");
    }
    return v.asText();
  }

  private static Scalar scalar(String where, JsonNode v) {
    if (v.isTextual()) {
      return Scalar.string(v.asText());
    }
    if (v.isIntegralNumber()) {
      return new Scalar(Scalar.Kind.INTEGER, v.asText());
    }
    if (v.isNumber()) {
      return new Scalar(Scalar.Kind.FLOAT, v.asText());
    }
    if (v.isBoolean()) {
      return new Scalar(Scalar.Kind.BOOLEAN, v.asText());
    }
    if (v.isNull()) {
      return Scalar.nullValue();
    }
    throw new IllegalArgumentException(where + ": must be a scalar");
  }

  /** {@code runsOn} → {@code runs-on}. */
  static String kebab(String camel) {
    StringBuilder sb = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        sb.append('-').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
