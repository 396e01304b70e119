package dev.strata.domain.audit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.api.AuditReport;
import dev.strata.domain.audit.api.CacheRefReport;
import dev.strata.domain.audit.model.Runs.Build;
import dev.strata.domain.audit.model.Runs.Leg;
import dev.strata.domain.trigger.api.RunId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query's bounds select what the report lists; state before them still counts. */
class AuditorQueryTest {
  static final Instant DAY1 = Instant.parse("2026-11-09T10:00:00Z");
  static final Instant DAY3 = DAY1.plus(Duration.ofDays(2));
  static final Leg VLLM = Leg.python("-cpu-vllm", "amd64", "vllm");

  AggregateHistory history;
  Runs runs;

  @BeforeEach
  void setUp() {
    history = new AggregateHistory();
    runs = new Runs(history);
    runs.push("early", DAY1);
    runs.cleanRun("early", DAY1, false, List.of(VLLM), "2026-W46");
    runs.pullRequest("prlate", 3, DAY3);
    runs.plan("prlate", DAY3, false, List.of(VLLM));
    runs.verify("prlate", VLLM, DAY3, Build.of(VLLM, "2026-W46"));
  }

  static CacheRefReport vllm(AuditReport report) {
    return report.cacheRefs().stream()
        .filter(r -> r.ref().equals(VLLM.cacheRef().toString()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void from_listsOnlyLaterEntries_butKnowsTheEarlierWrite() {
    AuditReport report =
        history.audit(new AuditQuery(DAY3.minusSeconds(60), null, null), AuditRules.defaults());

    CacheRefReport ref = vllm(report);
    assertThat(ref.writes()).as("the PR's own (violating) export").isEqualTo(1);
    assertThat(ref.latestWrites()).extracting(w -> w.run()).containsExactly("prlate");
    assertThat(ref.reads()).isEqualTo(1);
    assertThat(ref.latestReads().get(0).lastWriteRun()).isEqualTo("early");
    assertThat(report.violations()).extracting(v -> v.rule()).containsExactly("pr-cache-to");
  }

  @Test
  void to_endsTheReplay_andIsTheReportsAsOf() {
    Instant to = DAY1.plus(Duration.ofDays(1));
    AuditReport report = history.audit(new AuditQuery(null, to, null), AuditRules.defaults());

    assertThat(report.violations()).isEmpty();
    assertThat(report.log().asOf()).isEqualTo(to);
    assertThat(report.log().eventsAudited()).isLessThan(report.log().eventsRead());
    assertThat(vllm(report).reads()).isEqualTo(1);
  }

  @Test
  void run_listsOnlyThatRunsEntriesAndViolations() {
    AuditReport report =
        history.audit(new AuditQuery(null, null, RunId.of("early")), AuditRules.defaults());

    assertThat(report.violations()).isEmpty();
    assertThat(vllm(report).latestReads()).extracting(r -> r.run()).containsExactly("early");
    assertThat(report.log().runsByTrigger()).containsExactly(java.util.Map.entry("PUSH", 1L));
  }

  @Test
  void entryLimit_keepsTheLatestEntries_butCountsAll() {
    AuditReport report = history.audit(AuditQuery.all(), AuditRules.defaults().withEntryLimit(1));

    assertThat(vllm(report).reads()).isEqualTo(2);
    assertThat(vllm(report).latestReads()).extracting(r -> r.run()).containsExactly("prlate");
    assertThat(vllm(report).hitRatio()).as("20 of 24 steps cached").isEqualTo(0.8333);
  }

  @Test
  void rangeEndingBeforeItStarts_isRefused() {
    assertThatThrownBy(() -> new AuditQuery(DAY3, DAY1, null))
        .hasMessageContaining("--to " + DAY1 + " is before --from " + DAY3);
  }

  @Test
  void applyingAfterTheReport_isRefused() {
    Auditor auditor = new Auditor(AuditQuery.all(), AuditRules.defaults());
    auditor.report();
    assertThatThrownBy(() -> auditor.accept(1, "x"))
        .hasMessageContaining("report was already made");
  }
}
