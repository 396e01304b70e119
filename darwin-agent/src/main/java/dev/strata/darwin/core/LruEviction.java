package dev.strata.darwin.core;

import dev.strata.darwin.port.CacheEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The budget rule, shared by the live store and the simulation so both evict the same entries:
 * while the entries' total size exceeds the budget, evict the least recently used (oldest last
 * access, then key order), never the entry just saved.
 */
public final class LruEviction {
  /**
   * Oldest access first; equal times in key order, so the choice never depends on listing order.
   */
  public static final Comparator<CacheEntry> LEAST_RECENTLY_USED =
      Comparator.comparing(CacheEntry::lastAccess).thenComparing(CacheEntry::key);

  private LruEviction() {}

  /**
   * The entries to evict, in eviction order.
   *
   * @param budget the budget in bytes
   * @param keep the key that must stay (the one just saved), or null
   */
  public static List<CacheEntry> select(List<CacheEntry> entries, long budget, String keep) {
    long total = entries.stream().mapToLong(CacheEntry::bytes).sum();
    List<CacheEntry> evict = new ArrayList<>();
    for (CacheEntry entry : entries.stream().sorted(LEAST_RECENTLY_USED).toList()) {
      if (total <= budget) {
        break;
      }
      if (entry.key().equals(keep)) {
        continue;
      }
      evict.add(entry);
      total -= entry.bytes();
    }
    return evict;
  }

  private static final java.util.regex.Pattern SIZE =
      java.util.regex.Pattern.compile(
          "(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(?:I?B)?", java.util.regex.Pattern.CASE_INSENSITIVE);

  /** A size as people write it: {@code 10GB}, {@code 512MB}, {@code 2G}, {@code 1500} (bytes). */
  public static long parseSize(String text) {
    java.util.regex.Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "Invalid size \"" + text + "\": expected a number with an optional unit, e.g. 10GB");
    }
    int shift =
        switch (m.group(2).toUpperCase(java.util.Locale.ROOT)) {
          case "K" -> 10;
          case "M" -> 20;
          case "G" -> 30;
          case "T" -> 40;
          default -> 0;
        };
    return (long) (Double.parseDouble(m.group(1)) * (1L << shift));
  }
}
