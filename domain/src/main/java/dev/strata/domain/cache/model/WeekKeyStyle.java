package dev.strata.domain.cache.model;

import dev.strata.domain.Values;
import dev.strata.domain.cache.api.IsoWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How a week key ({@code DEPS_REFRESH}, the Darwin wheel-cache week) is derived from a date
 * (DOMAIN.md 4.2 step 8, 15.3). Strata defaults to {@link #ISO}; {@link #CALENDAR_YEAR} is
 * LocalAI's {@code date -u +%Y-W%V}, a profile option.
 */
public enum WeekKeyStyle {
  /** ISO week-based year and week: 2024-12-30 is {@code 2025-W01}. Strata's default. */
  ISO,
  /**
   * Calendar year with the ISO week ({@code %Y-W%V}): 2024-12-30 is {@code 2024-W01}, repeating
   * January's key; 2027-01-01 is {@code 2027-W53}.
   */
  CALENDAR_YEAR;

  /** The week key of {@code date}. */
  public IsoWeek keyOf(LocalDate date) {
    Values.required(date, "date");
    return this == ISO ? IsoWeek.isoOf(date) : IsoWeek.calendarYearOf(date);
  }

  /** The week key of the UTC date of {@code instant} (the job start, like {@code date -u}). */
  public IsoWeek keyOf(Instant instant) {
    Values.required(instant, "instant");
    return keyOf(LocalDate.ofInstant(instant, ZoneOffset.UTC));
  }

  /**
   * Whether LocalAI's calendar-year key of {@code date} differs from the ISO key, i.e. the week
   * straddles a year boundary and the calendar-year form reuses or splits a key (the audit flags
   * such runs, 15.3).
   */
  public static boolean calendarYearKeyDiffers(LocalDate date) {
    return !ISO.keyOf(date).equals(CALENDAR_YEAR.keyOf(date));
  }
}
