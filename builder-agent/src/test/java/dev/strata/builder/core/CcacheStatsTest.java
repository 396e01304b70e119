package dev.strata.builder.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CcacheStatsTest {

  @Test
  void ccache4_readsTheTotalHitsOfEachCacheableBlock() {
    List<String> lines =
        List.of(
            "Cacheable calls:   3 / 3 (100.0%)",
            "  Hits:            2 / 3 (66.67%)",
            "    Direct:        2 / 2 (100.0%)",
            "    Preprocessed:  0 / 2 ( 0.00%)",
            "  Misses:          1 / 3 (33.33%)",
            "Local storage:",
            "  Cache size (GB): 0.0 / 1.0 ( 0.00%)",
            "  Hits:            2 / 3 (66.67%)",
            "Cacheable calls:   5 / 5 (100.0%)",
            "  Hits:            5 / 5 (100.0%)");

    assertThat(CcacheStats.hits(lines)).hasValue(7);
  }

  @Test
  void ccache3_sumsDirectAndPreprocessedHits() {
    List<String> lines =
        List.of(
            "cache directory                     /root/.ccache",
            "cache hit (direct)                     3",
            "cache hit (preprocessed)               1",
            "cache miss                             2");

    assertThat(CcacheStats.hits(lines)).hasValue(4);
  }

  @Test
  void noStatistics_isUnknown() {
    assertThat(CcacheStats.hits(List.of("gcc -c a.c", "  Hits: 3 / 4"))).isEmpty();
  }
}
