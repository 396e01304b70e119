package dev.strata.domain.matrix.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.matrix.api.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MergeGroupingTest {

  /**
   * Legs as {@code <tag-suffix>/<platform-tag>/<tag-latest>} (the token {@code -} = absent; {@code
   * ~} = empty string); expected: the merge-matrix JSON and the groups that warn.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // two-leg groups interleaved with a singleton; order of first appearance
        "-cpu-kokoro/amd64/auto -cpu-whisperx/amd64/auto -cpu-kokoro/arm64/auto"
            + " -cpu-whisperx/arm64/auto -cpu-liquid-audio/amd64/auto"
            + "|{\"include\":[{\"tag-suffix\":\"-cpu-kokoro\",\"tag-latest\":\"auto\"},"
            + "{\"tag-suffix\":\"-cpu-whisperx\",\"tag-latest\":\"auto\"},"
            + "{\"tag-suffix\":\"-cpu-liquid-audio\",\"tag-latest\":\"auto\"}]}|''",
        // singletons get a merge too; empty and absent suffixes are skipped
        "-cpu-vllm/~/auto ~/~/auto -/~/auto -gpu-nvidia-cuda-12-vllm/~/auto"
            + "|{\"include\":[{\"tag-suffix\":\"-cpu-vllm\",\"tag-latest\":\"auto\"},"
            + "{\"tag-suffix\":\"-gpu-nvidia-cuda-12-vllm\",\"tag-latest\":\"auto\"}]}|''",
        // absent or empty tag-latest becomes ''
        "-cpu-a/~/- -cpu-b/~/~|{\"include\":[{\"tag-suffix\":\"-cpu-a\",\"tag-latest\":\"\"},"
            + "{\"tag-suffix\":\"-cpu-b\",\"tag-latest\":\"\"}]}|''",
        // disagreement: first leg wins, one warning per group
        "-cpu-x/amd64/true -cpu-x/arm64/auto -cpu-y/amd64/auto -cpu-y/arm64/-"
            + "|{\"include\":[{\"tag-suffix\":\"-cpu-x\",\"tag-latest\":\"true\"},"
            + "{\"tag-suffix\":\"-cpu-y\",\"tag-latest\":\"auto\"}]}|-cpu-x -cpu-y",
        "''|{\"include\":[]}|''",
      })
  void mergeMatrix(String legs, String json, String warnedGroups) {
    List<LinuxEntry> entries = new ArrayList<>();
    if (!legs.isEmpty()) {
      for (String leg : legs.split(" ")) {
        String[] p = leg.split("/");
        entries.add(entry(p[0], p[1], p[2]));
      }
    }

    MergeGrouping.Result result = MergeGrouping.group(entries);

    assertThat(result.toJson()).isEqualTo(json);
    assertThat(
            String.join(
                " ", result.warnings().stream().map(w -> w.tagSuffix().asString()).toList()))
        .isEqualTo(warnedGroups);
  }

  @Test
  void mismatch_isAWarningValueNamingGroupAndValues() {
    MergeGrouping.Result result =
        MergeGrouping.group(
            List.of(entry("-cpu-x", "amd64", "true"), entry("-cpu-x", "arm64", "auto")));

    assertThat(result.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.used()).isEqualTo(Scalar.string("true"));
              assertThat(w.message())
                  .isEqualTo(
                      "tag-latest mismatch in group -cpu-x: legs disagree (\"true\", \"auto\"),"
                          + " using \"true\"");
            });
  }

  @Test
  void tagLatest_keepsItsYamlType() {
    Map<String, Scalar> f = new LinkedHashMap<>();
    f.put("tag-suffix", Scalar.string("-cpu-x"));
    f.put("tag-latest", new Scalar(Scalar.Kind.BOOLEAN, "true"));

    MergeGrouping.Result result = MergeGrouping.group(List.of(new LinuxEntry(f)));

    assertThat(result.toJson())
        .isEqualTo("{\"include\":[{\"tag-suffix\":\"-cpu-x\",\"tag-latest\":true}]}");
    assertThat(result.groups().get(0).suffix().value()).isEqualTo("-cpu-x");
  }

  private static LinuxEntry entry(String sfx, String pt, String latest) {
    Map<String, Scalar> f = new LinkedHashMap<>();
    put(f, "tag-suffix", sfx);
    put(f, "platform-tag", pt);
    put(f, "tag-latest", latest);
    return new LinuxEntry(f);
  }

  private static void put(Map<String, Scalar> f, String key, String token) {
    if (!token.equals("-")) {
      f.put(key, Scalar.string(token.equals("~") ? "" : token));
    }
  }
}
