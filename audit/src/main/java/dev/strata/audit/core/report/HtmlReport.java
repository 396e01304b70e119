package dev.strata.audit.core.report;

import dev.strata.domain.audit.api.AuditReport;
import dev.strata.domain.audit.api.CacheRefReport;
import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.InvariantCount;
import dev.strata.domain.audit.api.LogSummary;
import dev.strata.domain.audit.api.Violation;
import dev.strata.domain.audit.api.WeeklyHits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The audit as one self-contained HTML page: inline CSS and SVG, no script, no external resource.
 * Overall and per-ref cache hit ratio per week, violations per invariant, the violations table and
 * the cache refs table.
 */
public final class HtmlReport {

  /** Per-ref charts shown: the most read refs. */
  static final int REF_CHARTS = 12;

  /** Violation rows shown; the JSON report has all of them. */
  static final int VIOLATION_ROWS = 2_000;

  private static final String[] PALETTE = {"#1f77b4", "#2ca02c", "#9467bd", "#d62728", "#ff7f0e"};

  private HtmlReport() {}

  public static String write(AuditReport report) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    LogSummary log = report.log();
    sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Strata audit</title><style>")
        .append(CSS)
        .append("</style></head><body><header><h1>Strata audit</h1><p>As of <b>")
        .append(Html.escape(String.valueOf(log.asOf())))
        .append("</b> &middot; ")
        .append(log.eventsRead())
        .append(" events read (global index ")
        .append(log.firstIndex())
        .append("&ndash;")
        .append(log.lastIndex())
        .append(") &middot; ")
        .append(log.runs())
        .append(" runs");
    log.runsByTrigger()
        .forEach(
            (kind, n) ->
                sb.append(" <span class=\"chip\">")
                    .append(kind)
                    .append(' ')
                    .append(n)
                    .append("</span>"));
    sb.append("</p><p class=\"muted\">Query: from ")
        .append(Html.escape(orDash(report.query().from())))
        .append(", to ")
        .append(Html.escape(orDash(report.query().to())))
        .append(", run ")
        .append(Html.escape(orDash(report.query().run())))
        .append(" &middot; merge window ")
        .append(report.rules().mergeWindow())
        .append("</p></header><main>");
    invariantCards(sb, report.invariants());
    overallChart(sb, report.cacheRefs());
    violationsChart(sb, report.invariants());
    refCharts(sb, report.cacheRefs());
    violationsTable(sb, report.violations());
    refsTable(sb, report.cacheRefs());
    return sb.append("</main></body></html>\n").toString();
  }

  private static void invariantCards(StringBuilder sb, List<InvariantCount> counts) {
    sb.append("<section><h2>Invariants</h2><div class=\"cards\">");
    for (InvariantCount c : counts) {
      sb.append("<div class=\"card ")
          .append(c.violations() == 0 ? "ok" : "bad")
          .append("\"><div class=\"num\">")
          .append(c.violations())
          .append("</div><div class=\"inv\">")
          .append(c.invariant())
          .append(". ")
          .append(Html.escape(c.title()))
          .append("</div></div>");
    }
    sb.append("</div></section>");
  }

  private static void overallChart(StringBuilder sb, List<CacheRefReport> refs) {
    Map<String, long[]> weeks = new TreeMap<>();
    for (CacheRefReport r : refs) {
      for (WeeklyHits w : r.weekly()) {
        long[] sum = weeks.computeIfAbsent(w.week(), k -> new long[3]);
        sum[0] += w.reads();
        sum[1] += w.cachedSteps();
        sum[2] += w.executedSteps();
      }
    }
    List<String> labels = new ArrayList<>(weeks.keySet());
    List<Double> ratios = new ArrayList<>();
    List<Long> volumes = new ArrayList<>();
    weeks
        .values()
        .forEach(
            v -> {
              ratios.add(CacheRefReport.ratio(v[1], v[2]));
              volumes.add(v[0]);
            });
    sb.append("<section><h2>Cache hit ratio per week, all refs</h2>")
        .append("<p class=\"muted\">Share of build steps served from the registry cache;")
        .append(" grey bars: builds that read a cache that week.</p>")
        .append(
            SvgChart.ratioLine(
                labels, ratios, volumes, 1180, 260, PALETTE[0], "Cache hit ratio per week"))
        .append("</section>");
  }

  private static void violationsChart(StringBuilder sb, List<InvariantCount> counts) {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (InvariantCount c : counts) {
      labels.add(c.invariant() + ". " + c.title());
      values.add(c.violations());
    }
    sb.append("<section><h2>Violations per invariant</h2>")
        .append(SvgChart.bars(labels, values, 1180, "#d62728", "Violations per invariant"))
        .append("</section>");
  }

  private static void refCharts(StringBuilder sb, List<CacheRefReport> refs) {
    List<CacheRefReport> top = new ArrayList<>(refs);
    top.removeIf(r -> r.reads() == 0);
    top.sort(
        Comparator.comparingLong(CacheRefReport::reads)
            .reversed()
            .thenComparing(CacheRefReport::ref));
    if (top.isEmpty()) {
      return;
    }
    sb.append("<section><h2>Hit ratio per week of the ")
        .append(Math.min(REF_CHARTS, top.size()))
        .append(" most read cache refs</h2><div class=\"grid\">");
    for (int i = 0; i < Math.min(REF_CHARTS, top.size()); i++) {
      CacheRefReport r = top.get(i);
      List<String> labels = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      List<Long> volumes = new ArrayList<>();
      for (WeeklyHits w : r.weekly()) {
        labels.add(w.week());
        ratios.add(w.hitRatio());
        volumes.add(w.reads());
      }
      sb.append("<figure><figcaption title=\"")
          .append(Html.escape(r.ref()))
          .append("\">")
          .append(Html.escape(shortRef(r.ref())))
          .append(" <span class=\"muted\">")
          .append(r.reads())
          .append(" reads, ")
          .append(r.writes())
          .append(" writes, ")
          .append(TextReport.percent(r.hitRatio()))
          .append("</span></figcaption>")
          .append(
              SvgChart.ratioLine(
                  labels,
                  ratios,
                  volumes,
                  380,
                  150,
                  PALETTE[1 + i % (PALETTE.length - 1)],
                  r.ref()))
          .append("</figure>");
    }
    sb.append("</div></section>");
  }

  private static void violationsTable(StringBuilder sb, List<Violation> violations) {
    sb.append("<section><h2>Violations (").append(violations.size()).append(")</h2>");
    if (violations.isEmpty()) {
      sb.append("<p class=\"ok-text\">No violation in the recorded history.</p></section>");
      return;
    }
    if (violations.size() > VIOLATION_ROWS) {
      sb.append("<p class=\"muted\">First ")
          .append(VIOLATION_ROWS)
          .append(" shown; the JSON report lists all.</p>");
    }
    sb.append("<table><thead><tr><th>#</th><th>rule</th><th>at</th><th>run</th><th>leg</th>")
        .append("<th>what</th><th>evidence (global index)</th></tr></thead><tbody>");
    for (Violation v : violations.subList(0, Math.min(VIOLATION_ROWS, violations.size()))) {
      sb.append("<tr><td>")
          .append(v.invariant())
          .append("</td><td><code>")
          .append(Html.escape(v.rule()))
          .append("</code></td><td>")
          .append(Html.escape(String.valueOf(v.at())))
          .append("</td><td>")
          .append(Html.escape(orDash(v.run())))
          .append("</td><td>")
          .append(Html.escape(orDash(v.leg())))
          .append("</td><td>")
          .append(Html.escape(v.message()))
          .append(v.occurrences() > 1 ? " <b>(" + v.occurrences() + "&times;)</b>" : "")
          .append("</td><td>");
      for (Evidence e : v.evidence()) {
        sb.append("<div>").append(Html.escape(TextReport.evidence(e))).append("</div>");
      }
      sb.append("</td></tr>");
    }
    sb.append("</tbody></table></section>");
  }

  private static void refsTable(StringBuilder sb, List<CacheRefReport> refs) {
    sb.append("<section><h2>Cache refs (")
        .append(refs.size())
        .append(")</h2><table><thead><tr><th>ref</th><th>writes</th><th>reads</th>")
        .append("<th>evicted</th><th>hit ratio</th></tr></thead><tbody>");
    for (CacheRefReport r : refs) {
      double pct = r.hitRatio() == null ? 0 : r.hitRatio() * 100;
      sb.append("<tr><td><code>")
          .append(Html.escape(r.ref()))
          .append("</code></td><td class=\"n\">")
          .append(r.writes())
          .append("</td><td class=\"n\">")
          .append(r.reads())
          .append("</td><td class=\"n\">")
          .append(r.evictions())
          .append("</td><td><div class=\"bar\"><div style=\"width:")
          .append(String.format(Locale.ROOT, "%.1f", pct))
          .append("%\"></div></div> ")
          .append(TextReport.percent(r.hitRatio()))
          .append("</td></tr>");
    }
    sb.append("</tbody></table></section>");
  }

  private static String shortRef(String ref) {
    int colon = ref.lastIndexOf(':');
    return colon < 0 ? ref : ref.substring(colon + 1);
  }

  private static String orDash(Object value) {
    return value == null ? "-" : value.toString();
  }

  private static final String CSS =
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:0;"
          + "color:#223;background:#f6f7f9}"
          + "header{background:#263238;color:#eceff1;padding:18px 28px}"
          + "header h1{margin:0 0 6px;font-size:24px}header p{margin:4px 0}"
          + "main{padding:8px 28px 40px}section{background:#fff;border:1px solid #e0e4e8;"
          + "border-radius:8px;margin:16px 0;padding:12px 18px}h2{font-size:17px;margin:6px 0 10px}"
          + ".muted{color:#78909c;font-size:13px}header .muted{color:#b0bec5}"
          + ".chip{display:inline-block;background:#455a64;border-radius:10px;padding:1px 8px;"
          + "margin-left:4px;font-size:12px}"
          + ".cards{display:grid;grid-template-columns:repeat(5,1fr);gap:10px}"
          + ".card{border-radius:6px;padding:10px;border-left:6px solid}"
          + ".card.ok{background:#e8f5e9;border-color:#43a047}"
          + ".card.bad{background:#ffebee;border-color:#e53935}"
          + ".num{font-size:26px;font-weight:700}.inv{font-size:12px}"
          + ".grid{display:grid;grid-template-columns:repeat(3,1fr);gap:8px}"
          + "figure{margin:0}figcaption{font-size:12px;white-space:nowrap;overflow:hidden;"
          + "text-overflow:ellipsis}"
          + "table{border-collapse:collapse;width:100%;font-size:12px}"
          + "th,td{border-bottom:1px solid #eceff1;padding:4px 6px;text-align:left;"
          + "vertical-align:top}th{background:#eceff1}td.n{text-align:right}"
          + ".bar{display:inline-block;width:80px;height:8px;background:#eceff1;"
          + "vertical-align:middle}.bar div{height:8px;background:#2ca02c}"
          + ".ok-text{color:#2e7d32}code{font-size:11px}";
}
