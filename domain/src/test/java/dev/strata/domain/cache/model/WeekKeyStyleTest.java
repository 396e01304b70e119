package dev.strata.domain.cache.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.cache.api.IsoWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeekKeyStyleTest {

  // DOMAIN.md 4.2 step 8 and 15.3: the year boundaries.
  @ParameterizedTest(name = "{0}: ISO {1}, calendar-year {2}")
  @CsvSource({
    "2024-12-30, 2025-W01, 2024-W01, true",
    "2026-12-31, 2026-W53, 2026-W53, false",
    "2027-01-01, 2026-W53, 2027-W53, true",
    "2026-08-22, 2026-W34, 2026-W34, false",
    "2021-01-03, 2020-W53, 2021-W53, true",
  })
  void weekKey_isoAndCalendarYearForms(
      LocalDate date, String iso, String calendar, boolean differs) {
    assertThat(WeekKeyStyle.ISO.keyOf(date)).isEqualTo(new IsoWeek(iso));
    assertThat(WeekKeyStyle.CALENDAR_YEAR.keyOf(date)).isEqualTo(new IsoWeek(calendar));
    assertThat(WeekKeyStyle.calendarYearKeyDiffers(date)).isEqualTo(differs);
  }

  @ParameterizedTest
  @CsvSource({
    "2024-12-29T23:59:59Z, 2024-W52",
    "2024-12-30T00:00:00Z, 2025-W01",
    "2027-01-01T06:00:00Z, 2026-W53",
  })
  void weekKey_ofInstant_usesTheUtcDate(Instant instant, String iso) {
    assertThat(WeekKeyStyle.ISO.keyOf(instant)).hasToString(iso);
  }

  @Test
  void weekKey_matchesDepsRefreshShape() {
    assertThat(WeekKeyStyle.CALENDAR_YEAR.keyOf(LocalDate.of(2026, 5, 24)).value())
        .matches("^\\d{4}-W\\d{2}$")
        .isEqualTo("2026-W21");
  }

  @Test
  void nullDate_isRefused() {
    assertThatThrownBy(() -> WeekKeyStyle.ISO.keyOf((LocalDate) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("date");
  }
}
