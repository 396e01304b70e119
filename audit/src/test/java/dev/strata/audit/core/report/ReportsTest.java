package dev.strata.audit.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.api.AuditReport;
import dev.strata.domain.audit.api.AuditRulesView;
import dev.strata.domain.audit.api.CacheRefReport;
import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.InvariantCount;
import dev.strata.domain.audit.api.LogSummary;
import dev.strata.domain.audit.api.Violation;
import dev.strata.domain.audit.api.WeeklyHits;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Rendering a fixed report as text, JSON and HTML. */
class ReportsTest {
  static final Instant AT = Instant.parse("2026-11-28T10:00:00Z");

  static AuditReport report() {
    TreeMap<String, Long> types = new TreeMap<>();
    types.put("TriggerReceived", 2L);
    TreeMap<String, Long> kinds = new TreeMap<>();
    kinds.put("PUSH", 1L);
    kinds.put("PULL_REQUEST", 1L);
    Violation v =
        new Violation(
            1,
            "pr-cache-to",
            "r2 -cpu-vllm@amd64",
            AT,
            "r2",
            "-cpu-vllm@amd64",
            "Pull-request run r2 exported <cache>",
            1,
            List.of(new Evidence(7, "LegVerified", "r2", "-cpu-vllm@amd64", AT)));
    CacheRefReport ref =
        new CacheRefReport(
            "quay.io/go-skynet/ci-cache:cache-cpu-vllm-amd64",
            1,
            2,
            0,
            15,
            5,
            0.75,
            List.of(
                new WeeklyHits("2026-W47", 1, 5, 5, 0.5),
                new WeeklyHits("2026-W48", 1, 10, 0, 1.0)),
            List.of(),
            List.of(),
            List.of());
    return new AuditReport(
        AuditQuery.all(),
        new AuditRulesView("PT2H", "P7D", 10, 20),
        new LogSummary(9, 9, 1, 9, AT, AT, types, kinds),
        List.of(new InvariantCount(1, "a pull-request run wrote a cache or published", 1)),
        List.of(v),
        List.of(ref));
  }

  @Test
  void json_isOneLine_withIsoInstants_andStable() {
    String json = JsonReport.write(report());

    assertThat(json).doesNotContain("\n").contains("\"at\":\"2026-11-28T10:00:00Z\"");
    assertThat(json).contains("\"runsByTrigger\":{\"PULL_REQUEST\":1,\"PUSH\":1}");
    assertThat(json).isEqualTo(JsonReport.write(report()));
  }

  @Test
  void html_isSelfContained_escapesText_andDrawsTheWeeklyLine() {
    String html = HtmlReport.write(report());

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("<path d=\"M");
    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("@import");
    assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http");
    assertThat(html).contains("exported &lt;cache&gt;").doesNotContain("exported <cache>");
    assertThat(html).contains("2026-W47").contains("75.0%");
  }

  @Test
  void text_listsInvariantsViolationsAndRefs() {
    String text = TextReport.write(report());

    assertThat(text)
        .contains(
            "Log: 9 events read (global index 1..9), 9 audited; 2 runs (PULL_REQUEST 1, PUSH 1)")
        .contains("[1 pr-cache-to] 2026-11-28T10:00:00Z run r2 leg -cpu-vllm@amd64")
        .contains("evidence: #7 LegVerified(r2 -cpu-vllm@amd64)")
        .containsPattern("cache-cpu-vllm-amd64\\s+1\\s+2\\s+0\\s+75.0%");
  }
}
