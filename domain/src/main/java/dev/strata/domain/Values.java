package dev.strata.domain;

import java.util.regex.Pattern;

/** Shared checks for value records. Every failure quotes the raw input. */
public final class Values {
  private Values() {}

  /** Returns {@code value} or throws naming {@code what} when it is null. */
  public static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required but was null");
    }
    return value;
  }

  /** Throws unless {@code raw} matches {@code pattern} completely. */
  public static String matching(String raw, Pattern pattern, String what, String expected) {
    required(raw, what);
    if (!pattern.matcher(raw).matches()) {
      throw new IllegalArgumentException(
          "Invalid " + what + " " + quote(raw) + ": expected " + expected);
    }
    return raw;
  }

  /** Quotes a raw input for an error message, escaping control characters. */
  public static String quote(String raw) {
    if (raw == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("\"");
    for (char c : raw.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
