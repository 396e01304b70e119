package dev.strata.domain.cache.api;

import dev.strata.domain.Values;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.regex.Pattern;

/**
 * A week key {@code YYYY-Www} as used by DEPS_REFRESH and the Darwin wheel-cache key.
 *
 * <p>{@link #isoOf} uses the ISO week-based year (Strata's default, DOMAIN.md 15.3: 2024-12-30 is
 * {@code 2025-W01}); {@link #calendarYearOf} reproduces LocalAI's {@code date -u +%Y-W%V}, which
 * pairs the calendar year with the ISO week (2024-12-30 gives {@code 2024-W01}, repeating January's
 * key).
 */
public record IsoWeek(String value) {
  private static final Pattern VALID = Pattern.compile("\\d{4}-W(0[1-9]|[1-4][0-9]|5[0-3])");

  public IsoWeek {
    Values.matching(value, VALID, "week key", "YYYY-Www with ww from 01 to 53, e.g. \"2026-W48\"");
  }

  /** The ISO week-based key of {@code date}. */
  public static IsoWeek isoOf(LocalDate date) {
    return of(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** LocalAI's calendar-year key of {@code date} ({@code %Y-W%V}). */
  public static IsoWeek calendarYearOf(LocalDate date) {
    return of(date.getYear(), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static IsoWeek of(int year, int week) {
    return new IsoWeek(String.format("%04d-W%02d", year, week));
  }

  @Override
  public String toString() {
    return value;
  }
}
