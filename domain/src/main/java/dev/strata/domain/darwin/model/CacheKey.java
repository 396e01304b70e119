package dev.strata.domain.darwin.model;

import dev.strata.domain.Values;
import java.util.List;

/**
 * An {@code actions/cache}-style key with its restore prefixes (tried in order when the exact key
 * misses). Keys are at most 512 characters and contain no comma.
 *
 * @param key the exact key
 * @param restorePrefixes the prefixes a partial restore may match, possibly none
 */
public record CacheKey(String key, List<String> restorePrefixes) {
  private static final int MAX_LENGTH = 512;

  public CacheKey {
    check(key, "cache key");
    restorePrefixes = List.copyOf(Values.required(restorePrefixes, "restore prefixes"));
    restorePrefixes.forEach(p -> check(p, "restore prefix"));
  }

  private static void check(String value, String what) {
    Values.required(value, what);
    if (value.isEmpty() || value.length() > MAX_LENGTH || value.contains(",")) {
      throw new IllegalArgumentException(
          "Invalid "
              + what
              + " "
              + Values.quote(value)
              + ": expected 1 to 512 characters without a comma");
    }
  }

  @Override
  public String toString() {
    return key;
  }
}
