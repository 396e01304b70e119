package dev.strata.domain.image.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LatestModeTest {

  @ParameterizedTest
  @CsvSource({"auto, AUTO", "true, TRUE", "false, FALSE", "' auto ', AUTO"})
  void parse_acceptsAutoTrueFalse(String raw, LatestMode expected) {
    assertThat(LatestMode.parse(raw)).isEqualTo(expected);
    assertThat(expected.flavorValue()).isEqualTo(raw.strip());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yes", "True", "latest", "1"})
  void parse_refusesAnythingElse_namingTheValue(String raw) {
    assertThatThrownBy(() -> LatestMode.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid tag-latest \"" + raw + "\"")
        .hasMessageContaining("\"auto\", \"true\" or \"false\"");
  }
}
