package dev.strata.darwin.core;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the simulation keys a recorded cache: as recorded ({@link #LOCALAI}), or with LocalAI's
 * documented fallback for the wheel caches, one key per week shared by every Python backend, {@code
 * pyenv-darwin-shared-<week>} ({@link #SHARED_WHEELS}, DOMAIN.md 8.6). Also gives each key's
 * restore prefixes, read back from the key's format (DOMAIN.md 8.2).
 */
public enum KeyPolicy {
  /** The keys as LocalAI (and the live run) wrote them. */
  LOCALAI,
  /** All Python backends share {@code pyenv-darwin-shared-<week>}. */
  SHARED_WHEELS;

  private static final Pattern WHEELS =
      Pattern.compile("(pyenv-darwin-.+-)(\\d{4}-W\\d{2})(?:-[0-9a-f]*)?");
  private static final String SHARED = "pyenv-darwin-shared-";

  /** Parses {@code localai} or {@code shared-wheels}. */
  public static KeyPolicy parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "localai" -> LOCALAI;
      case "shared-wheels" -> SHARED_WHEELS;
      default ->
          throw new IllegalArgumentException(
              "Invalid key policy \"" + text + "\": expected localai or shared-wheels");
    };
  }

  /** The key {@code cache}'s recorded {@code key} has under this policy. */
  public String map(String cache, String key) {
    if (this == SHARED_WHEELS && cache.equals("wheels")) {
      Matcher m = WHEELS.matcher(key);
      if (m.matches()) {
        return SHARED + m.group(2);
      }
    }
    return key;
  }

  /** The restore prefixes of a (mapped) key of {@code cache}. */
  public List<String> restorePrefixes(String cache, String key) {
    switch (cache) {
      case "ccache" -> {
        int dash = key.lastIndexOf('-');
        return dash > 0 ? List.of(key.substring(0, dash + 1)) : List.of();
      }
      case "wheels" -> {
        if (key.startsWith(SHARED)) {
          return List.of(SHARED);
        }
        Matcher m = WHEELS.matcher(key);
        return m.matches() ? List.of(m.group(1)) : List.of();
      }
      default -> {
        return List.of();
      }
    }
  }
}
