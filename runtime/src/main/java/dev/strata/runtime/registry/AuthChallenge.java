package dev.strata.runtime.registry;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code WWW-Authenticate} header: its scheme ({@code bearer} or {@code basic}) and
 * parameters, e.g. {@code Bearer realm="https://auth.example/token",service="reg",
 * scope="repository:a/b:pull,push"}. Quoted values may hold commas and escaped quotes.
 */
record AuthChallenge(String scheme, Map<String, String> params) {

  AuthChallenge {
    params = Map.copyOf(params);
  }

  static Optional<AuthChallenge> parse(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String trimmed = header.trim();
    int space = trimmed.indexOf(' ');
    String scheme = (space < 0 ? trimmed : trimmed.substring(0, space)).toLowerCase(Locale.ROOT);
    Map<String, String> params = new LinkedHashMap<>();
    int i = space < 0 ? trimmed.length() : space + 1;
    while (i < trimmed.length()) {
      while (i < trimmed.length() && (trimmed.charAt(i) == ',' || trimmed.charAt(i) == ' ')) {
        i++;
      }
      int eq = trimmed.indexOf('=', i);
      if (eq < 0) {
        break;
      }
      String key = trimmed.substring(i, eq).trim().toLowerCase(Locale.ROOT);
      i = eq + 1;
      StringBuilder value = new StringBuilder();
      if (i < trimmed.length() && trimmed.charAt(i) == '"') {
        i++;
        while (i < trimmed.length() && trimmed.charAt(i) != '"') {
          char c = trimmed.charAt(i);
          if (c == '\\' && i + 1 < trimmed.length()) {
            c = trimmed.charAt(++i);
          }
          value.append(c);
          i++;
        }
        i++;
      } else {
        while (i < trimmed.length() && trimmed.charAt(i) != ',') {
          value.append(trimmed.charAt(i++));
        }
      }
      params.put(key, value.toString().trim());
    }
    return Optional.of(new AuthChallenge(scheme, params));
  }

  boolean isBearer() {
    return "bearer".equals(scheme);
  }

  boolean isBasic() {
    return "basic".equals(scheme);
  }

  String param(String name) {
    return params.get(name);
  }
}
