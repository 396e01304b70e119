package dev.strata.gateway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

  // DOMAIN.md 1: backend.yml cron 0 6 * * 0 (Sun 06:00 UTC), base-images.yml 0 5 * * 6 (Sat 05:00)
  @ParameterizedTest
  @CsvSource({
    "0 6 * * 0, 2026-11-28T10:00:00Z, 2026-11-29T06:00:00Z",
    "0 6 * * 0, 2026-11-29T06:00:00Z, 2026-12-06T06:00:00Z",
    "0 5 * * 6, 2026-11-28T04:59:59Z, 2026-11-28T05:00:00Z",
    "0 5 * * 6, 2026-12-31T23:00:00Z, 2027-01-02T05:00:00Z",
    "*/15 * * * *, 2026-11-28T10:07:00Z, 2026-11-28T10:15:00Z"
  })
  void next_isTheFirstDueMinuteAfter(String cron, String after, String expected) {
    assertThat(CronExpression.parse(cron).next(Instant.parse(after)))
        .isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "0 6 * * 0, 2026-11-30T08:13:00Z, 2026-11-29T06:00:00Z",
    "0 6 * * 0, 2026-11-29T06:00:00Z, 2026-11-29T06:00:00Z",
    "0 5 * * 6, 2026-11-28T04:59:00Z, 2026-11-21T05:00:00Z"
  })
  void previousOrSame_isTheLastDueMinute(String cron, String at, String expected) {
    assertThat(CronExpression.parse(cron).previousOrSame(Instant.parse(at)))
        .isEqualTo(Instant.parse(expected));
  }

  @Test
  void sundayIsBothZeroAndSeven() {
    assertThat(CronExpression.parse("0 6 * * 7").next(Instant.parse("2026-11-28T10:00:00Z")))
        .isEqualTo(Instant.parse("2026-11-29T06:00:00Z"));
  }

  @Test
  void parse_namesTheBadField() {
    assertThatThrownBy(() -> CronExpression.parse("0 25 * * 0"))
        .hasMessageContaining("hour field \"25\"");
    assertThatThrownBy(() -> CronExpression.parse("0 6 * *"))
        .hasMessageContaining("expected 5 fields");
  }

  @Test
  void runIds_areDeterministicPerDeliveryAndFitRunId() {
    assertThat(RunIds.forDelivery("72d3162e-cc78-11e3-81ab-4c9367dc0958"))
        .isEqualTo(RunIds.forDelivery("72d3162e-cc78-11e3-81ab-4c9367dc0958"));
    assertThat(RunIds.forDelivery("a")).isNotEqualTo(RunIds.forDelivery("b"));
    assertThat(RunIds.forDelivery("a").value()).matches("[a-z2-7]{26}");
  }
}
