package dev.strata.matrix.core.pipeline;

import dev.strata.domain.Values;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A path pattern of a pipeline gate, as the profile writes it: {@code regex:<java regex>} (found
 * anywhere in the path; anchor it with {@code ^}), {@code suffix:<text>} (the path ends with it),
 * else a GitHub workflow glob ({@code *} and {@code ?} stay within a folder, {@code **} crosses
 * folders, and {@code **}{@code /} also matches no folder at all, so {@code **}{@code /*.md}
 * matches {@code README.md}).
 *
 * @param raw the pattern as written
 */
public record PathPattern(String raw, Pattern compiled) {

  public PathPattern {
    Values.required(raw, "path pattern");
    Values.required(compiled, "compiled pattern");
  }

  /**
   * Parses {@code raw}.
   *
   * @throws IllegalArgumentException quoting {@code raw} when it is empty or not a valid regex
   */
  public static PathPattern parse(String raw) {
    if (raw == null || raw.isEmpty() || raw.equals("regex:") || raw.equals("suffix:")) {
      throw new IllegalArgumentException(
          "Invalid path pattern "
              + Values.quote(raw)
              + ": expected a glob (docs/**), regex:<regex> or suffix:<text>");
    }
    if (raw.startsWith("regex:")) {
      try {
        return new PathPattern(raw, Pattern.compile(raw.substring("regex:".length())));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "Invalid path pattern "
                + Values.quote(raw)
                + ": not a regular expression ("
                + e.getDescription()
                + ")",
            e);
      }
    }
    if (raw.startsWith("suffix:")) {
      return new PathPattern(raw, Pattern.compile(Pattern.quote(raw.substring(7)) + "$"));
    }
    return new PathPattern(raw, Pattern.compile("^" + glob(raw) + "$"));
  }

  /** Whether {@code path} (repository-relative, {@code /}-separated) matches. */
  public boolean matches(String path) {
    return compiled.matcher(path).find();
  }

  private static String glob(String glob) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      if (glob.startsWith("**/", i)) {
        re.append("(?:.*/)?");
        i += 3;
      } else if (glob.startsWith("**", i)) {
        re.append(".*");
        i += 2;
      } else if (c == '*') {
        re.append("[^/]*");
        i++;
      } else if (c == '?') {
        re.append("[^/]");
        i++;
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
        i++;
      }
    }
    return re.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathPattern p && raw.equals(p.raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  @Override
  public String toString() {
    return raw;
  }
}
