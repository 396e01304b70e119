package dev.strata.audit.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

/** {@code --from} / {@code --to} values. */
class DatesTest {
  @ParameterizedTest
  @CsvSource({
    "2026-11-28, false, 2026-11-28T00:00:00Z",
    "2026-11-28, true, 2026-11-28T23:59:59.999999999Z",
    "2026-11-28T10:15:00Z, false, 2026-11-28T10:15:00Z",
    "2026-11-28T10:15:00Z, true, 2026-11-28T10:15:00Z"
  })
  void dateOrInstant_isUtc_andADateAsToCoversTheWholeDay(String raw, boolean to, String want) {
    assertThat(Dates.parse(raw, to)).isEqualTo(Instant.parse(want));
  }

  @ParameterizedTest
  @CsvSource({"28.11.2026", "2026-13-01", "yesterday"})
  void otherText_saysWhatToWrite(String raw) {
    assertThatThrownBy(() -> Dates.parse(raw, false))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("'" + raw + "' is not a date")
        .hasMessageContaining("2026-11-28T10:00:00Z");
  }
}
