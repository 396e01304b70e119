package dev.strata.matrix.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.matrix.api.Scalar.Kind;
import dev.strata.matrix.Fixtures;
import dev.strata.matrix.port.MatrixParseException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The matrix parser keeps scalar types as js-yaml (YAML 1.2 core schema) reads them. */
class SnakeYamlMatrixParserTest {
  private final SnakeYamlMatrixParser parser = new SnakeYamlMatrixParser();

  private Scalar valueOf(String yaml) throws MatrixParseException {
    Matrix m = parser.parse("include:\n  - v: " + yaml + "\n", "m.yml");
    return m.include().get(0).fields().get("v");
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "'\"12\"' | STRING | 12",
        "'''12''' | STRING | 12",
        "12 | INTEGER | 12",
        "-12 | INTEGER | -12",
        "+12 | INTEGER | 12",
        "1_000 | INTEGER | 1000",
        "0x1F | INTEGER | 31",
        "0o17 | INTEGER | 15",
        "0b101 | INTEGER | 5",
        "0755 | INTEGER | 755",
        "-0 | INTEGER | 0",
        "1.0 | FLOAT | 1",
        "1.5 | FLOAT | 1.5",
        "1e3 | FLOAT | 1000",
        ".5 | FLOAT | 0.5",
        "1e21 | FLOAT | 1e+21",
        "0.000001 | FLOAT | 0.000001",
        "1e-7 | FLOAT | 1e-7",
        ".inf | FLOAT | Infinity",
        "-.Inf | FLOAT | -Infinity",
        ".NaN | FLOAT | NaN",
        "true | BOOLEAN | true",
        "True | BOOLEAN | true",
        "FALSE | BOOLEAN | false",
        "yes | STRING | yes",
        "no | STRING | no",
        "on | STRING | on",
        "y | STRING | y",
        "null | NULL | null",
        "~ | NULL | null",
        "'' | NULL | null",
        "1:30 | STRING | 1:30",
        "0x | STRING | 0x",
        "1_ | STRING | 1_",
        "2026-05-09 | STRING | 2026-05-09T00:00:00.000Z",
        "2001-12-14t21:59:43.10-05:00 | STRING | 2001-12-15T02:59:43.100Z",
        "./backend/Dockerfile.python | STRING | ./backend/Dockerfile.python",
        "-cpu-vllm | STRING | -cpu-vllm",
        "'!!str 12' | STRING | 12",
        "'!!int \"12\"' | INTEGER | 12",
      })
  void scalar_keepsTheTypeJsYamlGivesIt(String yaml, Kind kind, String text) throws Exception {
    Scalar s = valueOf(yaml);
    assertThat(s.kind()).isEqualTo(kind);
    assertThat(kind == Kind.NULL ? "null" : s.text()).isEqualTo(text);
  }

  @Test
  void nonFiniteNumbers_areNullInJson() throws Exception {
    assertThat(valueOf(".nan").toJson()).isEqualTo("null");
    assertThat(valueOf("12").toJson()).isEqualTo("12");
    assertThat(valueOf("\"12\"").toJson()).isEqualTo("\"12\"");
  }

  @Test
  void entries_keepKeyOrder_andNestedValuesBecomeCompactJson() throws Exception {
    Matrix m =
        parser.parse(
            "include:\n  - z: a\n    a: [1, \"x\", {k: yes}]\n    m: 'q'\nincludeDarwin:\n  - backend: mlx\n",
            "m.yml");
    assertThat(List.copyOf(m.include().get(0).fields().keySet())).containsExactly("z", "a", "m");
    assertThat(m.include().get(0).toJson())
        .isEqualTo("{\"z\":\"a\",\"a\":[1,\"x\",{\"k\":\"yes\"}],\"m\":\"q\"}");
    assertThat(m.includeDarwin()).hasSize(1);
  }

  @Test
  void mergeKeys_areApplied_andExplicitKeysOverrideThem() throws Exception {
    Matrix m =
        parser.parse(
            "defaults: &d {a: '1', b: '2'}\ninclude:\n  - <<: *d\n    b: '3'\n    c: '4'\n",
            "m.yml");
    assertThat(m.include().get(0).toJson()).isEqualTo("{\"a\":\"1\",\"b\":\"3\",\"c\":\"4\"}");
  }

  @Test
  void missingLists_areEmpty() throws Exception {
    Matrix m = parser.parse("include:\nother: 1\n", "m.yml");
    assertThat(m.include()).isEmpty();
    assertThat(m.includeDarwin()).isEmpty();
  }

  @Test
  void duplicateKey_isAnErrorAtItsLineAndColumn() {
    assertThatThrownBy(() -> parser.parse("include:\n  - a: '1'\n    a: '2'\n", "m.yml"))
        .isInstanceOf(MatrixParseException.class)
        .hasMessageContaining("m.yml:3:5: duplicated mapping key 'a'");
  }

  @Test
  void syntaxError_namesFileLineAndColumn() {
    assertThatThrownBy(() -> parser.parse("include:\n  - a: 'unterminated\n", "m.yml"))
        .isInstanceOf(MatrixParseException.class)
        .hasMessageStartingWith("Tried to parse matrix m.yml but failed because: m.yml:3:");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "include: 12 | m.yml:1:10: 'include' must be a list of entries",
        "include:\\n  - just a string | m.yml:2:5: an entry of 'include' must be a mapping",
        "- a | m.yml:1:1: the top level must be a mapping",
      })
  void wrongShape_saysWhereAndWhatIsExpected(String yaml, String message) {
    assertThatThrownBy(() -> parser.parse(yaml.replace("\\n", "\n"), "m.yml"))
        .isInstanceOf(MatrixParseException.class)
        .hasMessageContaining(message);
  }

  @Test
  void localAiHeadMatrix_parsesWithEveryValueAString() {
    Matrix head = Fixtures.matrix("backend-matrix.head.yml");
    assertThat(head.include()).hasSize(457);
    assertThat(head.includeDarwin()).hasSize(62);
    assertThat(head.include().get(0).fields().get("cuda-major-version"))
        .isEqualTo(Scalar.string("12"));
    assertThat(head.include())
        .allSatisfy(e -> assertThat(e.fields().values()).allMatch(v -> v.kind() == Kind.STRING));
  }
}
