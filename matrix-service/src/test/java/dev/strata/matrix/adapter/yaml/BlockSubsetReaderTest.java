package dev.strata.matrix.adapter.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast reader answers only inside its subset, and there exactly as the full parser does. Every
 * LocalAI matrix revision in the fixtures is inside the subset.
 */
class BlockSubsetReaderTest {
  private final SnakeYamlMatrixParser parser = new SnakeYamlMatrixParser();

  static Stream<Path> fixtureMatrices() throws Exception {
    try (Stream<Path> data = Files.list(Fixtures.parity().resolve("data/matrix"));
        Stream<Path> top = Files.list(Fixtures.localai())) {
      return Stream.concat(
              data.toList().stream(),
              top.filter(p -> p.getFileName().toString().endsWith(".yml")).toList().stream())
          .sorted();
    }
  }

  @ParameterizedTest
  @MethodSource("fixtureMatrices")
  void everyLocalAiRevision_isReadFast_andEqualsTheFullParse(Path file) throws Exception {
    String text = Files.readString(file);

    assertThat(BlockSubsetReader.read(text)).as("inside the subset").isNotNull();
    assertThat(parser.parse(text, "m.yml")).isEqualTo(parser.fullParse(text, "m.yml"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "include:\n  - a: '1'\n    b: \"2\"\n",
        "---\n# c\ninclude:\n- a: 1\n  b: 0x1F\n  c: yes\n  d:\n  e: ~\n  f: 1.0 # comment\nincludeDarwin:\n",
        "include:\n  -   a: 'it''s'\n      b: -cpu-x\n  - a: 2026-05-09\n",
        "other: 12\ninclude:\n  - a: x y  z  \n",
        "include:\n  - a: 'x' # c\n    b: a#b\n",
        "include:\n  - a: ''\n    b: \"\"\n",
      })
  void subsetTexts_readExactlyAsTheFullParser(String text) throws Exception {
    assertThat(BlockSubsetReader.read(text)).isNotNull();
    Matrix fast = parser.parse(text, "m.yml");
    assertThat(fast).isEqualTo(parser.fullParse(text, "m.yml"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "include: [ {a: 1} ]\n",
        "include:\n  - a: &x '1'\n",
        "include:\n  - a: !!str 1\n",
        "include:\n  - a: \"esc\\taped\"\n",
        "include:\n  - a: 'multi\n     line'\n",
        "include:\n  - a: plain\n      continued\n",
        "include:\n  - a:\n      nested: 1\n",
        "include:\n  - a: 1\n    a: 2\n",
        "include:\n\t- a: 1\n",
        "include:\r\n  - a: 1\r\n",
        "include:\n  - a: x: y\n",
        "include:\n  - <<: {a: 1}\n",
        "include:\n  - 12: x\n",
        "include:\n  - null: x\n",
        "# only a comment\n",
        "- a: 1\n",
        "include:\n  - a: 1\n---\nother: 2\n",
        "include:\n  - a: |\n      block\n",
        "include:\n  - a: '1'\n   b: '2'\n",
      })
  void textsOutsideTheSubset_goToTheFullParser(String text) {
    assertThat(BlockSubsetReader.read(text)).isNull();
  }
}
