package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.Invariant;
import dev.strata.domain.cache.api.IsoWeek;
import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.run.api.BuildInputs;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Invariant 9 (DOMAIN.md 4.2 step 8, 15.3): a DEPS_REFRESH value belongs to one ISO week. LocalAI's
 * {@code %Y-W%V} repeats January's key in the last days of December (2024-12-30 gives {@code
 * 2024-W01}), so the cache keyed on it is warm again and the wheels are not refreshed. A value is
 * flagged when it is used in an ISO week other than the one it was first used in; builds near a
 * week boundary count for both neighbouring weeks ({@code tolerance}).
 */
final class DepsRefreshReuse {

  static final String ARG = "DEPS_REFRESH";

  private final Findings findings;
  private final Duration tolerance;
  private final Map<String, FirstUse> firstUse = new HashMap<>();

  DepsRefreshReuse(Findings findings, Duration tolerance) {
    this.findings = findings;
    this.tolerance = tolerance;
  }

  private record FirstUse(Set<String> weeks, Evidence ev) {}

  /**
   * A build of {@code ev.leg()} started at {@code startedAt} with {@code inputs}.
   *
   * @param startedAt when the job started (the claim), which is when the key was computed
   */
  void onBuild(RunBook.Run run, BuildInputs inputs, Instant startedAt, Evidence ev) {
    String value = inputs.buildArg(ARG);
    if (value == null || value.isEmpty()) {
      return;
    }
    Set<String> weeks = weeksAround(startedAt);
    FirstUse first = firstUse.putIfAbsent(value, new FirstUse(weeks, ev));
    if (first == null || overlaps(first.weeks, weeks)) {
      return;
    }
    String week = WeekKeyStyle.ISO.keyOf(startedAt).value();
    findings.add(
        Invariant.DEPS_REFRESH_REPEATED,
        "deps-refresh-repeated",
        value + " " + run.id,
        ev.at(),
        run.id,
        ev.leg(),
        () ->
            "Run "
                + run.id
                + " built with "
                + ARG
                + "="
                + value
                + " in ISO week "
                + week
                + ", but that value was first used in week "
                + first.weeks.iterator().next()
                + " (run "
                + first.ev.run()
                + "): the dependency cache was warm again and nothing was refreshed",
        first.ev,
        ev);
  }

  private Set<String> weeksAround(Instant at) {
    Set<String> weeks = new TreeSet<>();
    for (Instant t : new Instant[] {at.minus(tolerance), at, at.plus(tolerance)}) {
      IsoWeek week = WeekKeyStyle.ISO.keyOf(t);
      weeks.add(week.value());
    }
    return weeks;
  }

  private static boolean overlaps(Set<String> a, Set<String> b) {
    for (String week : b) {
      if (a.contains(week)) {
        return true;
      }
    }
    return false;
  }
}
