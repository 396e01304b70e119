package dev.strata.matrix.adapter.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.strata.matrix.core.history.HistoryReport;
import dev.strata.matrix.core.plan.PlanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * {@code strata plan history --format json}: one JSON object, keys always in this order. One
 * profile: {@code {"branch", "pushes": [row...], "totals": {...}}}; two: {@code {"branch", "a":
 * {"pushes", "totals"}, "b": {...}, "differing": [after...]}}. A row is {@code {"after", "before",
 * "date", "subject", "exitCode", "runAll", "runAllReason", "linux", "darwin", "rules", "error"}}
 * ({@code runAllReason} and {@code error} are null when absent); totals are {@code {"pushes",
 * "runAll", "failed", "empty", "linuxEntries", "darwinEntries", "ruleFires": {rule: pushes}}}.
 */
public final class HistoryJson {
  private static final JsonFactory JSON = new JsonFactory();

  private HistoryJson() {}

  /** The report of one profile. */
  public static String toJson(String branch, HistoryReport report) {
    return write(
        g -> {
          g.writeStringField("branch", branch);
          body(g, report);
        });
  }

  /** Two profiles' reports and the pushes where they select differently. */
  public static String compare(String branch, HistoryReport a, HistoryReport b) {
    return write(
        g -> {
          g.writeStringField("branch", branch);
          g.writeObjectFieldStart("a");
          body(g, a);
          g.writeEndObject();
          g.writeObjectFieldStart("b");
          body(g, b);
          g.writeEndObject();
          g.writeArrayFieldStart("differing");
          for (int i = 0; i < a.rows().size(); i++) {
            if (!selection(a.rows().get(i)).equals(selection(b.rows().get(i)))) {
              g.writeString(a.rows().get(i).push().after());
            }
          }
          g.writeEndArray();
        });
  }

  private static String selection(HistoryReport.Row r) {
    PlanResult.Decision d = r.result().decision();
    return r.result().exitCode() != 0 || d == null
        ? "failed"
        : d.runAll() + "/" + d.linuxSelected() + "/" + d.darwinSelected();
  }

  private static void body(JsonGenerator g, HistoryReport report) throws IOException {
    g.writeArrayFieldStart("pushes");
    for (HistoryReport.Row r : report.rows()) {
      row(g, r);
    }
    g.writeEndArray();
    HistoryReport.Totals t = report.totals();
    g.writeObjectFieldStart("totals");
    g.writeNumberField("pushes", t.pushes());
    g.writeNumberField("runAll", t.runAll());
    g.writeNumberField("failed", t.failed());
    g.writeNumberField("empty", t.empty());
    g.writeNumberField("linuxEntries", t.linuxEntries());
    g.writeNumberField("darwinEntries", t.darwinEntries());
    g.writeObjectFieldStart("ruleFires");
    for (Map.Entry<String, Integer> e : t.ruleFires().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void row(JsonGenerator g, HistoryReport.Row r) throws IOException {
    PlanResult.Decision d = r.result().decision();
    boolean ok = r.result().exitCode() == 0 && d != null;
    g.writeStartObject();
    g.writeStringField("after", r.push().after());
    g.writeStringField("before", r.push().before());
    g.writeStringField(
        "date",
        Instant.ofEpochSecond(r.push().epochSeconds())
            .atOffset(ZoneOffset.UTC)
            .toLocalDate()
            .toString());
    g.writeStringField("subject", r.push().subject());
    g.writeNumberField("exitCode", r.result().exitCode());
    g.writeBooleanField("runAll", ok && d.runAll());
    g.writeStringField(
        "runAllReason",
        ok && d.runAll() && d.reason() != null
            ? d.reason().name().toLowerCase(Locale.ROOT).replace('_', '-')
            : null);
    g.writeNumberField("linux", ok ? d.linuxSelected() : 0);
    g.writeNumberField("darwin", ok ? d.darwinSelected() : 0);
    g.writeArrayFieldStart("rules");
    if (ok) {
      for (String rule : d.firedRules()) {
        g.writeString(rule);
      }
    }
    g.writeEndArray();
    g.writeStringField("error", ok ? null : r.result().error());
    g.writeEndObject();
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      body.write(g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
