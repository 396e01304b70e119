package dev.strata.domain.darwin.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.darwin.model.DarwinCachePolicy.Cache;
import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.trigger.api.TriggerKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DarwinCachePolicyTest {
  private static final DarwinCachePolicy STRATA = new DarwinCachePolicy(Set.of("llama-cpp"), true);
  private static final DarwinCachePolicy LOCALAI =
      new DarwinCachePolicy(Set.of("llama-cpp"), false);

  /** DOMAIN.md 8.2's restore/save table; lang '-' means absent (Python). */
  @ParameterizedTest(name = "{0} {1}/{2} {3} {4}")
  @CsvSource({
    // cache, backend, lang, event, restore outcome, restored, saved (Strata), saved (LocalAI)
    "GO, llama-cpp, go, PUSH, MISS, true, true, true",
    "GO, llama-cpp, go, PUSH, EXACT_HIT, true, false, false",
    "GO, diffusers, -, PULL_REQUEST, MISS, true, false, true",
    "HOMEBREW, diffusers, -, PUSH, MISS, true, true, true",
    "HOMEBREW, diffusers, -, SCHEDULE, PREFIX_HIT, true, true, true",
    "HOMEBREW, diffusers, -, TAG_PUSH, EXACT_HIT, true, false, false",
    "HOMEBREW, diffusers, -, PULL_REQUEST, MISS, true, false, false",
    "CCACHE, llama-cpp, go, PUSH, EXACT_HIT, true, true, true",
    "CCACHE, llama-cpp, go, WORKFLOW_DISPATCH, PREFIX_HIT, true, true, true",
    "CCACHE, llama-cpp, go, PULL_REQUEST, PREFIX_HIT, true, false, false",
    "CCACHE, whisper, go, PUSH, MISS, false, false, false",
    "WHEELS, diffusers, -, PUSH, MISS, true, true, true",
    "WHEELS, diffusers, -, PUSH, PREFIX_HIT, true, true, true",
    "WHEELS, diffusers, -, PUSH, EXACT_HIT, true, false, false",
    "WHEELS, diffusers, -, PULL_REQUEST, MISS, true, false, false",
    "WHEELS, mlx, python, PUSH, MISS, true, true, true",
    "WHEELS, whisper, go, PUSH, MISS, false, false, false",
  })
  void restoreAndSave(
      Cache cache,
      String backend,
      String lang,
      TriggerKind kind,
      RestoreOutcome outcome,
      boolean restored,
      boolean savedByStrata,
      boolean savedByLocalAi) {
    DarwinEntry entry = entry(backend, lang);

    assertThat(STRATA.restores(cache, entry)).isEqualTo(restored);
    assertThat(STRATA.saves(cache, entry, kind, outcome)).isEqualTo(savedByStrata);
    assertThat(LOCALAI.saves(cache, entry, kind, outcome)).isEqualTo(savedByLocalAi);
  }

  private static DarwinEntry entry(String backend, String lang) {
    Map<String, Scalar> f = new LinkedHashMap<>();
    f.put("backend", Scalar.string(backend));
    f.put("tag-suffix", Scalar.string("-metal-darwin-arm64-" + backend));
    if (!lang.equals("-")) {
      f.put("lang", Scalar.string(lang));
    }
    return new DarwinEntry(f);
  }
}
