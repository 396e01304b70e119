package dev.strata.domain.matrix.api;

import dev.strata.domain.Values;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of a matrix list, every field as written and in file order. {@link LinuxEntry} and
 * {@link DarwinEntry} add the typed views of DOMAIN.md 2.1 and 2.2.
 */
public interface MatrixEntry {

  /** The entry's fields in file order. */
  Map<String, Scalar> fields();

  /** A field's value as a string ("" when absent or null), as LocalAI's callers read it. */
  default String string(String field) {
    Scalar s = fields().get(field);
    return s == null ? "" : s.asString();
  }

  /** Whether the field is present with a truthy value (JavaScript semantics). */
  default boolean has(String field) {
    Scalar s = fields().get(field);
    return s != null && s.truthy();
  }

  /** The entry as compact JSON, keys in file order (matrix outputs, DOMAIN.md 3.9). */
  default String toJson() {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, Scalar> e : fields().entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append(Scalar.jsonString(e.getKey())).append(':').append(e.getValue().toJson());
    }
    return sb.append('}').toString();
  }

  /**
   * The order-independent fingerprint of DOMAIN.md 3.7: keys sorted, paired with their values,
   * serialized as JSON. A value or type change alters it; key order does not.
   */
  default String fingerprint() {
    StringBuilder sb = new StringBuilder("[");
    boolean first = true;
    for (Map.Entry<String, Scalar> e : new TreeMap<>(fields()).entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append('[')
          .append(Scalar.jsonString(e.getKey()))
          .append(',')
          .append(e.getValue().toJson())
          .append(']');
    }
    return sb.append(']').toString();
  }

  /** Copies and freezes a field map, keeping its order. */
  static Map<String, Scalar> freeze(Map<String, Scalar> fields) {
    Values.required(fields, "entry fields");
    return Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
