package dev.strata.matrix.core.proto;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structural fingerprint of a {@code .proto} text (DOMAIN.md 3.8): every declaration header and
 * statement, keyed by where it sits and what it declares. Built by a single character scan that
 * honours string literals and drops comments; it is not a proto parser and does not need to be.
 */
public final class ProtoShape {

  private static final Pattern RPC = Pattern.compile("^rpc\\s+([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern DECL =
      Pattern.compile("^(message|enum|service|oneof|extend)\\s+([A-Za-z_][A-Za-z0-9_]*)");

  private final Map<String, String> fingerprints;

  private ProtoShape(Map<String, String> fingerprints) {
    this.fingerprints = fingerprints;
  }

  /** {@code "<path>|<key>"} to the normalised header or statement text. */
  public Map<String, String> fingerprints() {
    return Map.copyOf(fingerprints);
  }

  /**
   * Whether going from {@code previous} to {@code current} only adds: every key of the previous
   * text is present in the current text with an identical fingerprint. New keys are free.
   */
  public static boolean isAdditive(String previous, String current) {
    if (previous == null || current == null) {
      return false;
    }
    Map<String, String> before = of(previous).fingerprints;
    Map<String, String> after = of(current).fingerprints;
    for (Map.Entry<String, String> e : before.entrySet()) {
      if (!e.getValue().equals(after.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Scans {@code text}. */
  public static ProtoShape of(String text) {
    Map<String, String> out = new HashMap<>();
    List<String> stack = new ArrayList<>();
    StringBuilder buf = new StringBuilder();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = copyString(text, i, buf);
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        int eol = text.indexOf('\n', i);
        i = eol < 0 ? n : eol;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '{') {
        String header = normalize(buf);
        String key = headerKey(header);
        if (!header.isEmpty()) {
          out.put(path(stack) + "|" + key, header);
        }
        stack.add(key);
        i++;
      } else if (c == '}') {
        if (!stack.isEmpty()) {
          stack.remove(stack.size() - 1);
        }
        buf.setLength(0);
        i++;
      } else if (c == ';') {
        String statement = normalize(buf);
        out.put(path(stack) + "|" + statementKey(statement), statement);
        i++;
      } else {
        buf.append(c);
        i++;
      }
    }
    return new ProtoShape(out);
  }

  /** Copies the string literal starting at {@code start}; returns the index after it. */
  private static int copyString(String text, int start, StringBuilder buf) {
    char quote = text.charAt(start);
    buf.append(quote);
    int i = start + 1;
    while (i < text.length()) {
      char c = text.charAt(i);
      buf.append(c);
      i++;
      if (c == '\\' && i < text.length()) {
        buf.append(text.charAt(i));
        i++;
      } else if (c == quote) {
        break;
      }
    }
    return i;
  }

  /** Trims the collected text, collapses whitespace runs to one space, and clears the buffer. */
  private static String normalize(StringBuilder buf) {
    StringBuilder sb = new StringBuilder(buf.length());
    boolean pendingSpace = false;
    for (int i = 0; i < buf.length(); i++) {
      char c = buf.charAt(i);
      if (isJsWhitespace(c)) {
        pendingSpace = sb.length() > 0;
      } else {
        if (pendingSpace) {
          sb.append(' ');
          pendingSpace = false;
        }
        sb.append(c);
      }
    }
    buf.setLength(0);
    return sb.toString();
  }

  /** JavaScript's {@code \s}. */
  private static boolean isJsWhitespace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\r'
        || c == '\u000b'
        || c == '\f'
        || c == '\u00a0'
        || c == '\u1680'
        || (c >= '\u2000' && c <= '\u200a')
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u202f'
        || c == '\u205f'
        || c == '\u3000'
        || c == '\ufeff';
  }

  private static String headerKey(String header) {
    Matcher rpc = RPC.matcher(header);
    if (rpc.find()) {
      return "rpc " + rpc.group(1);
    }
    Matcher decl = DECL.matcher(header);
    if (decl.find()) {
      return decl.group(1) + " " + decl.group(2);
    }
    return header;
  }

  /** The last token left of the first {@code =}, or the whole statement without one. */
  private static String statementKey(String statement) {
    int eq = statement.indexOf('=');
    if (eq < 0) {
      return statement;
    }
    String left = statement.substring(0, eq).trim();
    int space = left.lastIndexOf(' ');
    return space < 0 ? left : left.substring(space + 1);
  }

  private static String path(List<String> stack) {
    return String.join("/", stack);
  }
}
