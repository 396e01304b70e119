package dev.strata.audit.boot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --from} and {@code --to}: an ISO date (UTC) or an ISO instant. */
final class Dates {
  private Dates() {}

  static Instant parse(String raw, boolean endOfDay) {
    try {
      if (raw.length() == 10) {
        LocalDate day = LocalDate.parse(raw);
        return endOfDay
            ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusNanos(1)
            : day.atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return Instant.parse(raw);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'"
              + raw
              + "' is not a date: write an ISO date such as 2026-11-28 (UTC) or an instant such"
              + " as 2026-11-28T10:00:00Z");
    }
  }

  /** {@code --from}: a date means its first instant. */
  static final class From implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      return parse(value, false);
    }
  }

  /** {@code --to}: a date means its last instant (the whole day is included). */
  static final class To implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      return parse(value, true);
    }
  }
}
