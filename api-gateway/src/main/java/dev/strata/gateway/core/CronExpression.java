package dev.strata.gateway.core;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week) in UTC, as GitHub
 * Actions' {@code schedule} uses: numbers, {@code *}, lists, ranges and steps; day-of-week 0-7 with
 * 0 and 7 both Sunday. When both day fields are restricted a day matches either (cron's rule).
 */
public final class CronExpression {
  private static final int SEARCH_MINUTES = 366 * 24 * 60 * 5;

  private final String text;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet days;
  private final BitSet months;
  private final BitSet weekdays;
  private final boolean dayRestricted;
  private final boolean weekdayRestricted;

  private CronExpression(String text, String[] f) {
    this.text = text;
    this.minutes = field(f[0], 0, 59, "minute", text);
    this.hours = field(f[1], 0, 23, "hour", text);
    this.days = field(f[2], 1, 31, "day of month", text);
    this.months = field(f[3], 1, 12, "month", text);
    BitSet dow = field(f[4], 0, 7, "day of week", text);
    if (dow.get(7)) {
      dow.set(0);
    }
    this.weekdays = dow;
    this.dayRestricted = !f[2].equals("*");
    this.weekdayRestricted = !f[4].equals("*");
  }

  /** Parses {@code text}; the error names the field and shows what to write. */
  public static CronExpression parse(String text) {
    String[] f = text == null ? new String[0] : text.trim().split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException(
          "Invalid cron expression \""
              + text
              + "\": expected 5 fields (minute hour day month weekday), e.g. \"0 6 * * 0\"");
    }
    return new CronExpression(text.trim(), f);
  }

  private static BitSet field(String raw, int min, int max, String name, String text) {
    BitSet bits = new BitSet(max + 1);
    for (String part : raw.split(",")) {
      try {
        int step = 1;
        String range = part;
        int slash = part.indexOf('/');
        if (slash >= 0) {
          step = Integer.parseInt(part.substring(slash + 1));
          range = part.substring(0, slash);
        }
        int lo;
        int hi;
        if (range.equals("*")) {
          lo = min;
          hi = max;
        } else if (range.contains("-")) {
          lo = Integer.parseInt(range.substring(0, range.indexOf('-')));
          hi = Integer.parseInt(range.substring(range.indexOf('-') + 1));
        } else {
          lo = Integer.parseInt(range);
          hi = slash >= 0 ? max : lo;
        }
        if (lo < min || hi > max || lo > hi || step < 1) {
          throw new NumberFormatException();
        }
        for (int v = lo; v <= hi; v += step) {
          bits.set(v);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Invalid "
                + name
                + " field \""
                + part
                + "\" in cron expression \""
                + text
                + "\": expected numbers "
                + min
                + "-"
                + max
                + ", '*', lists, ranges or steps");
      }
    }
    return bits;
  }

  /** The first due minute strictly after {@code t}. */
  public Instant next(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    for (int i = 0; i < SEARCH_MINUTES; i++) {
      if (!months.get(z.getMonthValue())) {
        z = z.withDayOfMonth(1).withHour(0).withMinute(0).plusMonths(1);
      } else if (!dayMatches(z)) {
        z = z.withHour(0).withMinute(0).plusDays(1);
      } else if (!hours.get(z.getHour())) {
        z = z.withMinute(0).plusHours(1);
      } else if (!minutes.get(z.getMinute())) {
        z = z.plusMinutes(1);
      } else {
        return z.toInstant();
      }
    }
    throw new IllegalStateException("Cron expression \"" + text + "\" never fires");
  }

  /** The last due minute at or before {@code t}. */
  public Instant previousOrSame(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    for (int i = 0; i < SEARCH_MINUTES; i++) {
      if (!months.get(z.getMonthValue())) {
        z = z.withDayOfMonth(1).withHour(0).withMinute(0).minusMinutes(1);
      } else if (!dayMatches(z)) {
        z = z.withHour(0).withMinute(0).minusMinutes(1);
      } else if (!hours.get(z.getHour())) {
        z = z.withMinute(0).minusMinutes(1);
      } else if (!minutes.get(z.getMinute())) {
        z = z.minusMinutes(1);
      } else {
        return z.toInstant();
      }
    }
    throw new IllegalStateException("Cron expression \"" + text + "\" never fires");
  }

  private boolean dayMatches(ZonedDateTime z) {
    boolean dom = days.get(z.getDayOfMonth());
    boolean dow = weekdays.get(z.getDayOfWeek().getValue() % 7);
    if (dayRestricted && weekdayRestricted) {
      return dom || dow;
    }
    return dom && dow;
  }

  @Override
  public String toString() {
    return text;
  }
}
