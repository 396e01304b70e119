package dev.strata.matrix.adapter.yaml;

import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.matrix.api.Scalar.Kind;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves plain (unquoted) YAML scalars the way LocalAI's reader, js-yaml 4 with its default
 * schema, does: the YAML 1.2 core schema plus timestamps. So {@code true}/{@code false} (and their
 * {@code True}/{@code TRUE} forms) are booleans, {@code ~}/{@code null}/empty are null, {@code 12},
 * {@code 0x1F}, {@code 0o17}, {@code 0b101} and {@code 1_000} are integers, {@code 1.5}, {@code
 * 1e3}, {@code .inf} and {@code .nan} are floats, {@code 2026-05-09} is a timestamp. Unlike YAML
 * 1.1 (SnakeYAML's own resolver), {@code yes}, {@code no}, {@code on} and {@code off} stay strings,
 * {@code 0755} is the decimal 755 and {@code 1:30} is a string. Numbers keep JavaScript's text
 * ({@code 1.0} is {@code 1}); a timestamp becomes the ISO string {@code JSON.stringify} writes for
 * a Date, which is all the matrix outputs and fingerprints ever see of it.
 */
final class JsYamlScalars {

  private static final Pattern FLOAT =
      Pattern.compile(
          "^(?:[-+]?(?:[0-9][0-9_]*)(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?"
              + "|\\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(?:inf|Inf|INF)"
              + "|\\.(?:nan|NaN|NAN))$");
  private static final Pattern DATE = Pattern.compile("^([0-9]{4})-([0-9]{2})-([0-9]{2})$");
  private static final Pattern TIMESTAMP =
      Pattern.compile(
          "^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9]{2}):([0-9]{2})"
              + "(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9]{2}))?))?$");

  private JsYamlScalars() {}

  /** Resolves a plain scalar by trying null, bool, int, float, timestamp in that order. */
  static Scalar plain(String value) {
    if (isNull(value)) {
      return Scalar.nullValue();
    }
    if (isBool(value)) {
      return new Scalar(Kind.BOOLEAN, value.toLowerCase());
    }
    if (isInt(value)) {
      return integer(value);
    }
    if (isFloat(value)) {
      return floating(value);
    }
    String iso = timestamp(value);
    return iso != null ? Scalar.string(iso) : Scalar.string(value);
  }

  /**
   * Resolves a scalar carrying an explicit core tag ({@code !!str}, {@code !!int} ...), or returns
   * null when {@code value} does not fit that tag (js-yaml rejects the document then).
   */
  static Scalar tagged(String tag, String value) {
    return switch (tag) {
      case "str" -> Scalar.string(value);
      case "null" -> isNull(value) || value.isEmpty() ? Scalar.nullValue() : null;
      case "bool" -> isBool(value) ? new Scalar(Kind.BOOLEAN, value.toLowerCase()) : null;
      case "int" -> isInt(value) ? integer(value) : null;
      case "float" -> isFloat(value) ? floating(value) : null;
      case "timestamp" -> {
        String iso = timestamp(value);
        yield iso == null ? null : Scalar.string(iso);
      }
      default -> null;
    };
  }

  static boolean isNull(String v) {
    return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
  }

  static boolean isBool(String v) {
    return v.equals("true")
        || v.equals("True")
        || v.equals("TRUE")
        || v.equals("false")
        || v.equals("False")
        || v.equals("FALSE");
  }

  /** js-yaml's integer test, including its acceptance of leading zeros as decimal. */
  static boolean isInt(String data) {
    int max = data.length();
    if (max == 0) {
      return false;
    }
    int index = 0;
    char ch = data.charAt(0);
    if (ch == '-' || ch == '+') {
      index++;
      ch = index < max ? data.charAt(index) : '\0';
    }
    if (ch == '0') {
      if (index + 1 == max) {
        return true;
      }
      index++;
      ch = data.charAt(index);
      int radix = ch == 'b' ? 2 : ch == 'x' ? 16 : ch == 'o' ? 8 : 0;
      if (radix != 0) {
        index++;
        boolean hasDigits = false;
        char last = ch;
        for (; index < max; index++) {
          last = data.charAt(index);
          if (last == '_') {
            continue;
          }
          if (last > 0x7f || Character.digit(last, radix) < 0) {
            return false;
          }
          hasDigits = true;
        }
        return hasDigits && last != '_';
      }
    }
    if (ch == '_') {
      return false;
    }
    boolean hasDigits = false;
    char last = ch;
    for (; index < max; index++) {
      last = data.charAt(index);
      if (last == '_') {
        continue;
      }
      if (last < '0' || last > '9') {
        return false;
      }
      hasDigits = true;
    }
    return hasDigits && last != '_';
  }

  static boolean isFloat(String v) {
    return FLOAT.matcher(v).matches() && !v.endsWith("_");
  }

  private static Scalar integer(String data) {
    String value = data.replace("_", "");
    int sign = 1;
    char ch = value.charAt(0);
    if (ch == '-' || ch == '+') {
      sign = ch == '-' ? -1 : 1;
      value = value.substring(1);
    }
    BigInteger magnitude;
    if (value.equals("0")) {
      magnitude = BigInteger.ZERO;
      sign = 1;
    } else if (value.startsWith("0b")) {
      magnitude = new BigInteger(value.substring(2), 2);
    } else if (value.startsWith("0x")) {
      magnitude = new BigInteger(value.substring(2), 16);
    } else if (value.startsWith("0o")) {
      magnitude = new BigInteger(value.substring(2), 8);
    } else {
      magnitude = new BigInteger(value, 10);
    }
    double number = sign * magnitude.doubleValue();
    return new Scalar(Kind.INTEGER, JsNumbers.format(number));
  }

  private static Scalar floating(String data) {
    String value = data.replace("_", "").toLowerCase();
    double sign = value.charAt(0) == '-' ? -1 : 1;
    if (value.charAt(0) == '-' || value.charAt(0) == '+') {
      value = value.substring(1);
    }
    double number;
    if (value.equals(".inf")) {
      number = sign * Double.POSITIVE_INFINITY;
    } else if (value.equals(".nan")) {
      number = Double.NaN;
    } else {
      number = sign * Double.parseDouble(value);
    }
    return new Scalar(Kind.FLOAT, JsNumbers.format(number));
  }

  /** The ISO text JavaScript prints for the Date js-yaml builds, or null if not a timestamp. */
  static String timestamp(String value) {
    Matcher m = DATE.matcher(value);
    if (m.matches()) {
      return iso(utc(num(m, 1), num(m, 2) - 1, num(m, 3), 0, 0, 0, 0));
    }
    m = TIMESTAMP.matcher(value);
    if (!m.matches()) {
      return null;
    }
    int millis = 0;
    if (m.group(7) != null) {
      String fraction = m.group(7);
      fraction = fraction.length() > 3 ? fraction.substring(0, 3) : fraction;
      millis = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00").substring(0, 3));
    }
    long time = utc(num(m, 1), num(m, 2) - 1, num(m, 3), num(m, 4), num(m, 5), num(m, 6), millis);
    if (m.group(9) != null) {
      long delta = (num(m, 10) * 60L + (m.group(11) == null ? 0 : num(m, 11))) * 60_000L;
      time -= m.group(9).equals("-") ? -delta : delta;
    }
    return iso(time);
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  /** JavaScript's {@code Date.UTC}, including its month overflow and 0-99 year mapping. */
  private static long utc(int year, int month, int day, int h, int mi, int s, int ms) {
    int y = year <= 99 ? 1900 + year : year;
    int ym = y + Math.floorDiv(month, 12);
    int mn = Math.floorMod(month, 12);
    long epochDay = LocalDate.of(ym, mn + 1, 1).toEpochDay() + day - 1;
    return epochDay * 86_400_000L + h * 3_600_000L + mi * 60_000L + s * 1000L + ms;
  }

  /** {@code Date.prototype.toISOString}. */
  private static String iso(long millis) {
    long day = Math.floorDiv(millis, 86_400_000L);
    long inDay = Math.floorMod(millis, 86_400_000L);
    LocalDate date = LocalDate.ofEpochDay(day);
    int year = date.getYear();
    String y =
        year >= 0 && year <= 9999
            ? String.format("%04d", year)
            : (year < 0 ? "-" : "+") + String.format("%06d", Math.abs(year));
    return String.format(
        "%s-%02d-%02dT%02d:%02d:%02d.%03dZ",
        y,
        date.getMonthValue(),
        date.getDayOfMonth(),
        inDay / 3_600_000L,
        inDay / 60_000L % 60,
        inDay / 1000L % 60,
        inDay % 1000);
  }
}
