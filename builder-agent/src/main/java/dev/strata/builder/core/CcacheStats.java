package dev.strata.builder.core;

import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads ccache hits from the statistics a build printed with {@code ccache -s} (DOMAIN.md 7: the
 * compile scripts print it at the end). ccache 4 prints a {@code Cacheable calls:} block whose
 * first {@code Hits: N / M} line is the total; ccache 3 prints {@code cache hit (direct) N} and
 * {@code cache hit (preprocessed) N}. Several blocks (several compile steps) are summed.
 */
public final class CcacheStats {
  private static final Pattern CACHEABLE = Pattern.compile("\\s*Cacheable calls:.*");
  private static final Pattern HITS4 = Pattern.compile("\\s*Hits:\\s+(\\d+)\\s*/\\s*\\d+.*");
  private static final Pattern HITS3 =
      Pattern.compile("\\s*cache hit \\((?:direct|preprocessed)\\)\\s+(\\d+)\\s*");

  private CcacheStats() {}

  /** The hits in {@code lines}, or empty when no statistics were printed. */
  public static OptionalLong hits(List<String> lines) {
    long total = 0;
    boolean found = false;
    boolean inBlock = false;
    for (String line : lines) {
      if (CACHEABLE.matcher(line).matches()) {
        inBlock = true;
        continue;
      }
      Matcher h4 = HITS4.matcher(line);
      if (inBlock && h4.matches()) {
        total += Long.parseLong(h4.group(1));
        found = true;
        inBlock = false;
        continue;
      }
      Matcher h3 = HITS3.matcher(line);
      if (h3.matches()) {
        total += Long.parseLong(h3.group(1));
        found = true;
      }
    }
    return found ? OptionalLong.of(total) : OptionalLong.empty();
  }
}
