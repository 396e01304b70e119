package dev.strata.domain.matrix.api;

import dev.strata.domain.Values;

/**
 * A YAML scalar as written in the matrix file, with its type. Quoted {@code "12"} is a {@link
 * Kind#STRING}, bare {@code 12} an {@link Kind#INTEGER}: the matrix-entry fingerprint and the
 * emitted JSON depend on the difference (DOMAIN.md 3.7).
 *
 * @param kind the resolved type
 * @param text the value: the string itself for strings, JavaScript's {@code String(v)} for numbers
 *     and booleans ({@code 12}, {@code 1.5}, {@code true}, {@code NaN}), {@code null} for null, and
 *     the compact JSON text (keys in file order) for a nested list or map
 */
public record Scalar(Kind kind, String text) {

  /** Scalar types, as a YAML 1.2 core-schema reader resolves them. */
  public enum Kind {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL,
    /** A nested list or map, kept as its compact JSON text. */
    JSON
  }

  public Scalar {
    Values.required(kind, "scalar kind");
    if (kind == Kind.NULL) {
      text = "null";
    } else {
      Values.required(text, "scalar text");
    }
  }

  public static Scalar string(String value) {
    return new Scalar(Kind.STRING, value);
  }

  public static Scalar nullValue() {
    return new Scalar(Kind.NULL, "null");
  }

  /** The value as a string, the way JavaScript's {@code String(v)} would show it; "" for null. */
  public String asString() {
    return kind == Kind.NULL ? "" : text;
  }

  /** JavaScript truthiness, for {@code field || default} expressions. */
  public boolean truthy() {
    return switch (kind) {
      case STRING -> !text.isEmpty();
      case INTEGER, FLOAT ->
          !(text.equals("0") || text.equals("-0") || text.equals("NaN") || text.equals("0.0"));
      case BOOLEAN -> text.equals("true");
      case NULL -> false;
      case JSON -> true;
    };
  }

  /** This scalar as a compact JSON value. */
  public String toJson() {
    return switch (kind) {
      case STRING -> jsonString(text);
      // JSON.stringify writes non-finite numbers as null
      case INTEGER, FLOAT -> isFinite() ? text : "null";
      case BOOLEAN, JSON -> text;
      case NULL -> "null";
    };
  }

  private boolean isFinite() {
    return !(text.equals("NaN") || text.equals("Infinity") || text.equals("-Infinity"));
  }

  /** Encodes {@code s} as a JSON string the way {@code JSON.stringify} does. */
  public static String jsonString(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  private static boolean validSurrogateAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
