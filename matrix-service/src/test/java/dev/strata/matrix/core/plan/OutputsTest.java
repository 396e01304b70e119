package dev.strata.matrix.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.FakeInputs;
import dev.strata.matrix.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md 3.9 and 3.10: output keys and order, sharding, merge matrices, backend booleans. */
class OutputsTest {
  private static final GitHubEvent TAG =
      new GitHubEvent("refs/tags/v1.0.0", Plans.ZERO, Plans.AFTER, false, null, null);

  private static Matrix singles(int n) {
    List<LinuxEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entries.add(Fixtures.linux("-cpu-b" + i, "", "b" + i, "python"));
    }
    return new Matrix(entries, List.of());
  }

  private static int count(String matrixJson) {
    return matrixJson.equals("{\"include\":[]}") ? 0 : matrixJson.split("\\},\\{").length;
  }

  @Test
  void headFullRun_emitsTheKeysInLocalAiOrder_with78PerShard() {
    PlanResult result = Plans.plan(TAG, new FakeInputs(Fixtures.matrix("backend-matrix.head.yml")));
    Map<String, String> out = Plans.outputs(result);

    List<String> keys = new ArrayList<>(out.keySet());
    assertThat(keys.subList(0, 23))
        .containsExactlyElementsOf(SharedInputRulesTest.expectedKeys().subList(0, 23));
    assertThat(keys).hasSize(23 + 75);
    assertThat(out).containsEntry("run-all", "true").containsEntry("llama-cpp", "true");
    for (int n = 1; n <= 4; n++) {
      assertThat(count(out.get("matrix-singlearch-" + n))).isEqualTo(78);
      assertThat(count(out.get("merge-matrix-singlearch-" + n))).isEqualTo(78);
    }
    assertThat(count(out.get("matrix-multiarch"))).isEqualTo(145);
    assertThat(count(out.get("merge-matrix-multiarch"))).isEqualTo(74);
    assertThat(count(out.get("matrix-darwin"))).isEqualTo(62);
  }

  @ParameterizedTest(name = "{0} single-arch entries -> {1}")
  @CsvSource({"5, 2 1 1 1", "2, 1 1 0 0", "0, 0 0 0 0", "7, 2 2 2 1", "1020, 255 255 255 255"})
  void singleArch_isSplitIntoFourContiguousShards_floorPlusRemainderFirst(int n, String sizes) {
    Map<String, String> out = Plans.outputs(Plans.plan(TAG, new FakeInputs(singles(n))));

    String[] want = sizes.split(" ");
    int first = 0;
    for (int s = 1; s <= 4; s++) {
      String shard = out.get("matrix-singlearch-" + s);
      assertThat(count(shard)).isEqualTo(Integer.parseInt(want[s - 1]));
      assertThat(out.get("has-backends-singlearch-" + s))
          .isEqualTo(count(shard) > 0 ? "true" : "false");
      if (count(shard) > 0) {
        assertThat(shard)
            .startsWith(
                "{\"include\":[{\"tag-latest\":\"auto\",\"tag-suffix\":\"-cpu-b" + first + "\"");
      }
      first += count(shard);
    }
  }

  @Test
  void shardAtTheJobLimit_failsThePlanWithExitCode1() {
    PlanResult result = Plans.plan(TAG, new FakeInputs(singles(1021)));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.outputs()).isEmpty();
    assertThat(result.error()).contains("matrix-singlearch-1 has 256 entries").contains("256");
  }

  @Test
  void fullRun_saysItHasDarwinBackendsEvenWithNoDarwinEntries() {
    Map<String, String> full = Plans.outputs(Plans.plan(TAG, new FakeInputs(singles(1))));
    Map<String, String> filtered =
        Plans.outputs(
            Plans.plan(Plans.push(), new FakeInputs(singles(1)).files("backend/python/b0/x")));

    assertThat(full)
        .containsEntry("has-backends-darwin", "true")
        .containsEntry("matrix-darwin", "{\"include\":[]}");
    assertThat(filtered).containsEntry("has-backends-darwin", "false");
  }

  @Test
  void mergeMatrix_groupsBySuffixInFirstAppearance_skipsEmptySuffix_takesFirstLegsTagLatest() {
    LinuxEntry a1 = Fixtures.linux("-cpu-a", "amd64", "a", "python");
    LinuxEntry b = Fixtures.linux("-cpu-b", "amd64", "b", "python");
    LinuxEntry a2 = withTagLatest(Fixtures.linux("-cpu-a", "arm64", "a", "python"), "false");
    LinuxEntry none = Fixtures.linux("", "amd64", "c", "python");
    LinuxEntry noLatest = withTagLatest(Fixtures.linux("-cpu-d", "amd64", "d", "python"), null);
    Map<String, String> out =
        Plans.outputs(
            Plans.plan(
                TAG, new FakeInputs(new Matrix(List.of(a1, b, a2, none, noLatest), List.of()))));

    assertThat(out.get("merge-matrix-multiarch"))
        .isEqualTo(
            "{\"include\":[{\"tag-suffix\":\"-cpu-a\",\"tag-latest\":\"auto\"},"
                + "{\"tag-suffix\":\"-cpu-b\",\"tag-latest\":\"auto\"},"
                + "{\"tag-suffix\":\"-cpu-d\",\"tag-latest\":\"\"}]}");
    assertThat(out).containsEntry("has-merges-multiarch", "true");
  }

  private static LinuxEntry withTagLatest(LinuxEntry e, String value) {
    Map<String, dev.strata.domain.matrix.api.Scalar> f = new java.util.LinkedHashMap<>(e.fields());
    if (value == null) {
      f.remove("tag-latest");
    } else {
      f.put("tag-latest", dev.strata.domain.matrix.api.Scalar.string(value));
    }
    return new LinuxEntry(f);
  }

  @Test
  void backendBooleans_followThePathMap_linuxFirstThenDarwin_firstPrefixWins() {
    Matrix matrix =
        new Matrix(
            List.of(
                Fixtures.linux("-cpu-whisper", "", "whisper", "golang"),
                Fixtures.linux("-cpu-odd", "", "odd", "unknown"),
                Fixtures.linux("-cpu-vllm", "", "vllm", "python")),
            List.of(Fixtures.darwin("mlx", null), Fixtures.darwin("whisper", "python")));
    Map<String, String> out =
        Plans.outputs(
            Plans.plan(Plans.push(), new FakeInputs(matrix).files("backend/python/whisper/x.py")));

    List<String> keys = new ArrayList<>(out.keySet());
    assertThat(keys.subList(23, keys.size())).containsExactly("whisper", "vllm", "mlx");
    // whisper's path is backend/go/whisper/ (Linux first); its Darwin entry still rebuilds
    assertThat(out).containsEntry("whisper", "true").containsEntry("vllm", "false");
    assertThat(count(out.get("matrix-darwin"))).isEqualTo(1);
  }
}
