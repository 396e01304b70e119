package dev.strata.darwin.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.darwin.port.CacheEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LruEvictionTest {
  private static final Instant T = Instant.parse("2026-11-02T10:00:00Z");

  private static CacheEntry entry(String key, long bytes, int accessedAfter) {
    return new CacheEntry(key, bytes, "0".repeat(64), T, T.plusSeconds(accessedAfter));
  }

  @Test
  void select_evictsOldestAccessFirst_untilUnderBudget_keepingTheJustSavedEntry() {
    List<CacheEntry> entries =
        List.of(entry("new", 40, 0), entry("b", 30, 20), entry("a", 30, 10), entry("c", 30, 30));

    assertThat(LruEviction.select(entries, 70, "new"))
        .extracting(CacheEntry::key)
        .containsExactly("a", "b");
  }

  @Test
  void select_breaksTiesByKey() {
    assertThat(LruEviction.select(List.of(entry("y", 10, 5), entry("x", 10, 5)), 10, null))
        .extracting(CacheEntry::key)
        .containsExactly("x");
  }

  @Test
  void select_evictsNothingUnderBudget() {
    assertThat(LruEviction.select(List.of(entry("a", 10, 0)), 10, null)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "10GB, 10737418240",
    "10 GiB, 10737418240",
    "2G, 2147483648",
    "512MB, 536870912",
    "1.5K, 1536",
    "1500, 1500",
    "0, 0"
  })
  void parseSize_readsTheUsualSpellings(String text, long bytes) {
    assertThat(LruEviction.parseSize(text)).isEqualTo(bytes);
  }

  @Test
  void parseSize_saysWhatToWrite() {
    assertThatThrownBy(() -> LruEviction.parseSize("ten gigs"))
        .hasMessageContaining("\"ten gigs\"")
        .hasMessageContaining("e.g. 10GB");
  }
}
