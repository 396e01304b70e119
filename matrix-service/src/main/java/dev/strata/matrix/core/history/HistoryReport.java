package dev.strata.matrix.core.history;

import dev.strata.matrix.core.plan.PlanResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a profile's filter would have done over a run of pushes: per push the entries selected,
 * run-all and the shared rules that fired; in total how often each rule fired, so a maintainer sees
 * what a rule change costs before merging it.
 */
public final class HistoryReport {

  /** One replayed push and its plan. */
  public record Row(PushRef push, PlanResult result) {
    boolean runAll() {
      return result.decision() != null && result.decision().runAll();
    }

    int linux() {
      return result.decision() == null ? 0 : result.decision().linuxSelected();
    }

    int darwin() {
      return result.decision() == null ? 0 : result.decision().darwinSelected();
    }

    List<String> rules() {
      return result.decision() == null ? List.of() : result.decision().firedRules();
    }
  }

  /** Totals over the rows. */
  public record Totals(
      int pushes,
      int runAll,
      int failed,
      int empty,
      long linuxEntries,
      long darwinEntries,
      Map<String, Integer> ruleFires) {}

  private final List<Row> rows = new ArrayList<>();

  public void add(PushRef push, PlanResult result) {
    rows.add(new Row(push, result));
  }

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  public Totals totals() {
    int runAll = 0;
    int failed = 0;
    int empty = 0;
    long linux = 0;
    long darwin = 0;
    Map<String, Integer> fires = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.result().exitCode() != 0) {
        failed++;
        continue;
      }
      runAll += r.runAll() ? 1 : 0;
      empty += r.linux() + r.darwin() == 0 ? 1 : 0;
      linux += r.linux();
      darwin += r.darwin();
      r.rules().forEach(id -> fires.merge(id, 1, Integer::sum));
    }
    return new Totals(rows.size(), runAll, failed, empty, linux, darwin, fires);
  }

  /** A fixed-width table: one line per push, then the totals and the rule frequencies. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%-10s %-10s %-8s %6s %6s  %s%n",
            "push", "date", "run-all", "linux", "darwin", "rules"));
    for (Row r : rows) {
      sb.append(
          String.format(
              "%-10s %-10s %-8s %6s %6s  %s%n",
              r.push().after().substring(0, Math.min(10, r.push().after().length())),
              Instant.ofEpochSecond(r.push().epochSeconds()).atOffset(ZoneOffset.UTC).toLocalDate(),
              r.result().exitCode() != 0
                  ? "FAILED"
                  : r.runAll() ? r.result().decision().reason() : "false",
              r.linux(),
              r.darwin(),
              String.join(",", r.rules())));
    }
    return sb.append(totalsText()).toString();
  }

  /** The totals block of {@link #table()}. */
  public String totalsText() {
    Totals t = totals();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "total: %d pushes, run-all %d (%s), failed %d, nothing selected %d (%s), "
                + "Linux entries %d (%.1f per push), Darwin entries %d (%.1f per push)%n",
            t.pushes(),
            t.runAll(),
            percent(t.runAll(), t.pushes()),
            t.failed(),
            t.empty(),
            percent(t.empty(), t.pushes()),
            t.linuxEntries(),
            t.pushes() == 0 ? 0.0 : (double) t.linuxEntries() / t.pushes(),
            t.darwinEntries(),
            t.pushes() == 0 ? 0.0 : (double) t.darwinEntries() / t.pushes()));
    t.ruleFires()
        .forEach(
            (id, n) ->
                sb.append(
                    String.format(
                        "rule %s fired on %d pushes (%s)%n", id, n, percent(n, t.pushes()))));
    return sb.toString();
  }

  private static String percent(long n, long of) {
    return of == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / of);
  }
}
