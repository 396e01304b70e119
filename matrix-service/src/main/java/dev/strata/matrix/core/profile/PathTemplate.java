package dev.strata.matrix.core.profile;

import dev.strata.domain.Values;
import dev.strata.domain.matrix.api.MatrixEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * A source-path template such as {@code backend/python/{backend}/}: literal text with {@code
 * {field}} placeholders, each replaced by that entry field's string value.
 */
public record PathTemplate(String text, List<String> literals, List<String> fields) {

  /** The placeholders a template may use. */
  public static final List<String> KNOWN_FIELDS = List.of("backend", "lang");

  public PathTemplate {
    Values.required(text, "path template");
    literals = List.copyOf(literals);
    fields = List.copyOf(fields);
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException naming the bad placeholder and the known ones
   */
  public static PathTemplate parse(String text) {
    Values.required(text, "path template");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("Invalid path template \"\": expected a non-empty path");
    }
    List<String> literals = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    int at = 0;
    while (true) {
      int open = text.indexOf('{', at);
      if (open < 0) {
        literals.add(text.substring(at));
        break;
      }
      int close = text.indexOf('}', open);
      if (close < 0) {
        throw new IllegalArgumentException(
            "Invalid path template " + Values.quote(text) + ": '{' without a closing '}'");
      }
      String field = text.substring(open + 1, close);
      if (!KNOWN_FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            "Invalid path template "
                + Values.quote(text)
                + ": unknown placeholder {"
                + field
                + "}; expected one of {backend}, {lang}");
      }
      literals.add(text.substring(at, open));
      fields.add(field);
      at = close + 1;
    }
    return new PathTemplate(text, literals, fields);
  }

  /** The path for {@code entry}. */
  public String render(MatrixEntry entry) {
    if (fields.isEmpty()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < fields.size(); i++) {
      sb.append(literals.get(i)).append(entry.string(fields.get(i)));
    }
    return sb.append(literals.get(fields.size())).toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
