package dev.strata.matrix.adapter.yaml;

import dev.strata.domain.matrix.api.Scalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fast reader for the plain block-style YAML that matrix files are written in: top-level keys,
 * each holding a list of flat {@code key: value} mappings, with quoted or simple plain scalars and
 * comments. Anything outside that subset (flow collections, anchors, tags, multi-line or escaped
 * scalars, tabs, unusual characters, duplicate keys, nesting) makes it give up and return null, so
 * the caller parses with the full YAML parser instead. Where it answers, it answers exactly what
 * the full parser would: it is only faster (a LocalAI matrix in about a millisecond).
 */
final class BlockSubsetReader {

  /** Top-level key to its list of entries (null when the key has a scalar or null value). */
  private final Map<String, List<Map<String, Scalar>>> lists = new LinkedHashMap<>();

  private BlockSubsetReader() {}

  /** The top-level lists, or null when the text is outside the subset. */
  static Map<String, List<Map<String, Scalar>>> read(String text) {
    if (!plainCharacters(text)) {
      return null;
    }
    BlockSubsetReader r = new BlockSubsetReader();
    return r.parse(text) && !r.lists.isEmpty() ? r.lists : null;
  }

  /** Only printable characters and '\n'; no tabs, CR, BOM, NEL, LS/PS or surrogates. */
  private static boolean plainCharacters(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n'
          || c >= 0x7f && c <= 0x9f
          || c == '\u2028'
          || c == '\u2029'
          || c >= '\ud800' && c <= '\udfff'
          || c >= '\ufeff') {
        return false;
      }
    }
    return true;
  }

  private boolean parse(String text) {
    List<Map<String, Scalar>> list = null;
    Map<String, Scalar> entry = null;
    int dashColumn = -1;
    int keyColumn = -1;
    boolean seenContent = false;
    int at = 0;
    int n = text.length();
    while (at < n) {
      int eol = text.indexOf('\n', at);
      if (eol < 0) {
        eol = n;
      }
      int indent = at;
      while (indent < eol && text.charAt(indent) == ' ') {
        indent++;
      }
      int col = indent - at;
      if (indent == eol || text.charAt(indent) == '#') {
        at = eol + 1;
        continue;
      }
      if (!seenContent && col == 0 && text.startsWith("---", indent)) {
        if (!isBlankOrComment(text, indent + 3, eol)) {
          return false;
        }
        seenContent = true;
        at = eol + 1;
        continue;
      }
      seenContent = true;
      char first = text.charAt(indent);
      if (first == '-' && (indent + 1 == eol || text.charAt(indent + 1) == ' ')) {
        // a new list item: "- key: value"
        if (list == null || dashColumn >= 0 && col != dashColumn) {
          return false;
        }
        dashColumn = col;
        int keyStart = indent + 1;
        while (keyStart < eol && text.charAt(keyStart) == ' ') {
          keyStart++;
        }
        if (keyStart == eol) {
          return false;
        }
        entry = new LinkedHashMap<>();
        list.add(entry);
        keyColumn = keyStart - at;
        if (!pair(text, keyStart, eol, entry)) {
          return false;
        }
      } else if (col == 0) {
        // a top-level key: its value is empty (a list follows) or a scalar
        Map<String, Scalar> top = new LinkedHashMap<>();
        if (!pair(text, indent, eol, top)) {
          return false;
        }
        String key = top.keySet().iterator().next();
        if (lists.containsKey(key)) {
          return false;
        }
        Scalar value = top.get(key);
        list = value.kind() == Scalar.Kind.NULL ? new ArrayList<>() : null;
        lists.put(key, list);
        entry = null;
        dashColumn = -1;
      } else if (entry != null && col == keyColumn) {
        if (!pair(text, indent, eol, entry)) {
          return false;
        }
      } else {
        return false;
      }
      at = eol + 1;
    }
    return true;
  }

  private static boolean isBlankOrComment(String text, int from, int to) {
    int i = from;
    while (i < to && text.charAt(i) == ' ') {
      i++;
    }
    return i == to || text.charAt(i) == '#' && i > from;
  }

  /** Reads {@code key: value} in [from, to) into {@code into}; false when outside the subset. */
  private static boolean pair(String text, int from, int to, Map<String, Scalar> into) {
    int colon = from;
    while (colon < to && isKeyChar(text.charAt(colon))) {
      colon++;
    }
    if (colon == from || colon == to || text.charAt(colon) != ':') {
      return false;
    }
    String key = text.substring(from, colon);
    if (!Character.isLetter(key.charAt(0)) && key.charAt(0) != '_'
        || JsYamlScalars.isNull(key)
        || JsYamlScalars.isBool(key)
        || into.containsKey(key)) {
      return false;
    }
    int v = colon + 1;
    if (v < to && text.charAt(v) != ' ') {
      return false;
    }
    while (v < to && text.charAt(v) == ' ') {
      v++;
    }
    Scalar value = value(text, v, to);
    if (value == null) {
      return false;
    }
    into.put(key, value);
    return true;
  }

  private static boolean isKeyChar(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '-'
        || c == '_'
        || c == '.';
  }

  private static final Set<Character> PLAIN_START_FORBIDDEN =
      new HashSet<>(
          List.of('[', ']', '{', '}', ',', '#', '&', '*', '!', '|', '>', '%', '@', '`', '?', ':'));

  /** The scalar in [from, to), or null when outside the subset. */
  private static Scalar value(String text, int from, int to) {
    if (from == to || text.charAt(from) == '#') {
      return Scalar.nullValue();
    }
    char c = text.charAt(from);
    if (c == '\'' || c == '"') {
      StringBuilder sb = new StringBuilder();
      int i = from + 1;
      while (true) {
        if (i >= to) {
          return null;
        }
        char ch = text.charAt(i);
        if (c == '"' && ch == '\\') {
          return null;
        }
        if (ch == c) {
          if (c == '\'' && i + 1 < to && text.charAt(i + 1) == '\'') {
            sb.append('\'');
            i += 2;
            continue;
          }
          break;
        }
        sb.append(ch);
        i++;
      }
      return isBlankOrComment(text, i + 1, to) ? Scalar.string(sb.toString()) : null;
    }
    if (PLAIN_START_FORBIDDEN.contains(c)
        || c == '-' && (from + 1 == to || text.charAt(from + 1) == ' ')) {
      return null;
    }
    int end = to;
    int hash = text.indexOf(" #", from);
    if (hash >= 0 && hash < to) {
      end = hash;
    }
    String plain = text.substring(from, end).stripTrailing();
    if (plain.contains(": ") || plain.endsWith(":")) {
      return null;
    }
    return JsYamlScalars.plain(plain);
  }
}
