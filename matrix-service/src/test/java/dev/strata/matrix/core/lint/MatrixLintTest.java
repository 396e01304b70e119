package dev.strata.matrix.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.Fixtures;
import dev.strata.matrix.adapter.yaml.SnakeYamlMatrixParser;
import dev.strata.matrix.core.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code strata lint}: the invariants of DOMAIN.md 10 that a matrix file alone can break. */
class MatrixLintTest {
  private static final Profile PROFILE = Fixtures.localaiProfile();

  private static Matrix yaml(String text) throws Exception {
    return new SnakeYamlMatrixParser().parse(text.replace("\\n", "\n"), "m.yml");
  }

  private static final String OK =
      "  - {tag-suffix: '-cpu-a', platform-tag: amd64, tag-latest: auto, backend: a, dockerfile: ./backend/Dockerfile.python}\\n";

  @Test
  void localAiHeadMatrix_isClean() {
    assertThat(MatrixLint.check(Fixtures.matrix("backend-matrix.head.yml"), PROFILE)).isEmpty();
  }

  @Test
  void matrixBeforeTheBuilderBases_isReportedPerEntry() {
    assertThat(MatrixLint.check(Fixtures.matrix("backend-matrix.2026-05-09.yml"), PROFILE))
        .isNotEmpty()
        .allMatch(f -> f.contains("has no builder-base-image"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unselectable | include:\\n  - {tag-suffix: '-x', tag-latest: auto, backend: x, dockerfile: ./backend/Dockerfile.node}\\n | include[0] -x: no path rule maps it",
        "duplicate key | include:\\n"
            + OK
            + OK
            + " | include[1] -cpu-a/amd64: duplicate (tag-suffix, platform-tag) of include[0]",
        "bad platform-tag | include:\\n  - {tag-suffix: '-cpu-a', platform-tag: x86, tag-latest: auto, backend: a, dockerfile: ./backend/Dockerfile.python}\\n | platform-tag 'x86' is not one of [amd64, arm64]",
        "empty tag-latest | include:\\n  - {tag-suffix: '-a', tag-latest: '', backend: a, dockerfile: ./backend/Dockerfile.python}\\n | tag-latest '' is not one of [auto, true, false]",
        "tag-latest disagrees | include:\\n"
            + OK
            + "  - {tag-suffix: '-cpu-a', platform-tag: arm64, tag-latest: 'false', backend: a, dockerfile: ./backend/Dockerfile.python}\\n | differs from the group's first leg ('auto')",
        "mixed legs | include:\\n"
            + OK
            + "  - {tag-suffix: '-cpu-a', tag-latest: auto, backend: a, dockerfile: ./backend/Dockerfile.python}\\n | include[1] -cpu-a: its tag-suffix mixes legs with and without platform-tag",
        "no builder base | include:\\n  - {tag-suffix: '-l', tag-latest: auto, backend: llama-cpp, dockerfile: ./backend/Dockerfile.llama-cpp}\\n | built from multi-target Dockerfile.llama-cpp but has no builder-base-image",
        "duplicate darwin backend | includeDarwin:\\n  - {backend: mlx, tag-suffix: -metal-darwin-arm64-mlx}\\n  - {backend: mlx, tag-suffix: -metal-darwin-arm64-mlx}\\n | includeDarwin[1] -metal-darwin-arm64-mlx: duplicate backend of includeDarwin[0]",
        "darwin suffix | includeDarwin:\\n  - {backend: mlx, tag-suffix: -metal-mlx}\\n | tag-suffix should be '-metal-darwin-arm64-mlx'",
      })
  void brokenInvariant_isOneFinding(String what, String matrix, String finding) throws Exception {
    assertThat(MatrixLint.check(yaml(matrix), PROFILE)).as(what).anyMatch(f -> f.contains(finding));
  }

  @Test
  void shardAtTheJobLimit_isReported() throws Exception {
    StringBuilder sb = new StringBuilder("include:\n");
    for (int i = 0; i < 1021; i++) {
      sb.append("  - {tag-suffix: '-b")
          .append(i)
          .append("', tag-latest: auto, backend: b, dockerfile: ./backend/Dockerfile.python}\n");
    }
    assertThat(MatrixLint.check(yaml(sb.toString()), PROFILE))
        .containsExactly(
            "matrix-singlearch: a shard of 256 entries (1021 single-arch in 4 shards) is at or above the job limit of 256; raise limits.singleArchShards");
  }
}
