package dev.strata.domain.audit.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.api.AuditReport;
import dev.strata.domain.audit.api.Violation;
import dev.strata.domain.audit.model.Runs.Build;
import dev.strata.domain.audit.model.Runs.Leg;
import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.run.api.MergeGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each invariant of issue 8 over histories written through the aggregates: the violating history
 * finds exactly that violation, the clean one finds none.
 */
class AuditorInvariantsTest {
  static final Instant SAT = Instant.parse("2026-11-07T05:00:00Z");
  static final String BASE = Runs.CACHE_REPO + ":base-grpc-amd64";
  static final Leg VLLM_AMD64 = Leg.python("-cpu-vllm", "amd64", "vllm");
  static final Leg VLLM_ARM64 = Leg.python("-cpu-vllm", "arm64", "vllm");
  static final Leg LLAMA = Leg.llama("-cpu-llama-cpp", "amd64", BASE);
  static final Leg BASE_LEG =
      Leg.linux("-base-grpc-amd64", "", "base", "./backend/Dockerfile.base-grpc-builder", "");
  static final Leg DARWIN_LLAMA = Leg.darwin("llama-cpp");

  AggregateHistory history;
  Runs runs;

  @BeforeEach
  void setUp() {
    history = new AggregateHistory();
    runs = new Runs(history);
  }

  static String week(Instant at) {
    return WeekKeyStyle.ISO.keyOf(at).value();
  }

  static Instant days(double d) {
    return SAT.plusSeconds((long) (d * 86_400));
  }

  static List<String> rules(AuditReport report) {
    return report.violations().stream().map(v -> v.invariant() + " " + v.rule()).toList();
  }

  /** Saturday: the base image; Sunday: a push; a PR; next Sunday: the weekly schedule. */
  void cleanHistory() {
    runs.dispatch("base1", SAT);
    runs.plan("base1", SAT, true, List.of(BASE_LEG), List.of());
    runs.build(
        "base1",
        BASE_LEG,
        SAT.plusSeconds(30),
        Build.of(BASE_LEG, "").pushingTo(ImageRef.parse(BASE)));

    List<Leg> legs = List.of(VLLM_AMD64, VLLM_ARM64, LLAMA);
    runs.push("push1", days(1));
    runs.cleanRun("push1", days(1), false, legs, week(days(1)));

    runs.pullRequest("pr1", 42, days(1.5));
    runs.plan("pr1", days(1.5), false, List.of(VLLM_AMD64));
    runs.verify(
        "pr1", VLLM_AMD64, days(1.5), Build.of(VLLM_AMD64, week(days(1.5))).withWrites(List.of()));

    runs.schedule("sched1", days(8));
    List<Leg> all = List.of(VLLM_AMD64, VLLM_ARM64, LLAMA, DARWIN_LLAMA);
    runs.plan("sched1", days(8), true, all);
    for (Leg leg : List.of(VLLM_AMD64, VLLM_ARM64, LLAMA)) {
      runs.build("sched1", leg, days(8).plusSeconds(60), Build.of(leg, week(days(8))));
    }
    runs.darwinSave(
        "sched1", DARWIN_LLAMA, "ccache", "ccache-llama-ARM64-abc-1", 1L << 30, true, days(8.01));
    runs.build(
        "sched1", DARWIN_LLAMA, days(8.01), Build.of(DARWIN_LLAMA, "").withWrites(List.of()));
    runs.mergeAll("sched1", days(8.05), all);
  }

  @Test
  void cleanHistory_hasNoViolations_andCountsCacheUse() {
    cleanHistory();

    AuditReport report = history.audit();

    assertThat(report.violations()).isEmpty();
    assertThat(report.invariants()).hasSize(10).allMatch(c -> c.violations() == 0);
    var vllm =
        report.cacheRefs().stream()
            .filter(r -> r.ref().equals(VLLM_AMD64.cacheRef().toString()))
            .findFirst()
            .orElseThrow();
    assertThat(vllm.writes()).isEqualTo(2);
    assertThat(vllm.reads()).isEqualTo(3);
    assertThat(vllm.latestReads())
        .extracting(r -> r.run())
        .containsExactly("push1", "pr1", "sched1");
    assertThat(vllm.latestReads())
        .extracting(r -> r.lastWriteRun())
        .containsExactly(null, "push1", "push1");
    assertThat(vllm.weekly()).extracting(w -> w.week()).containsExactly("2026-W45", "2026-W46");
    assertThat(report.log().runsByTrigger())
        .containsEntry("PUSH", 1L)
        .containsEntry("SCHEDULE", 1L)
        .containsEntry("PULL_REQUEST", 1L)
        .containsEntry("WORKFLOW_DISPATCH", 1L);
  }

  @Test
  void invariant1_pullRequestExportingACache_isFoundWithItsBuild() {
    runs.pullRequest("pr1", 7, SAT);
    runs.plan("pr1", SAT, false, List.of(VLLM_AMD64));
    runs.verify("pr1", VLLM_AMD64, SAT, Build.of(VLLM_AMD64, week(SAT)));

    AuditReport report = history.audit();

    assertThat(rules(report)).containsExactly("1 pr-cache-to");
    Violation v = report.violations().get(0);
    assertThat(v.run()).isEqualTo("pr1");
    assertThat(v.leg()).isEqualTo("-cpu-vllm@amd64");
    assertThat(v.evidence()).extracting(e -> e.event()).containsExactly("LegVerified");
  }

  @Test
  void invariant1_pullRequestPublishingOrSavingDarwinCaches_isFound() {
    runs.pullRequest("pr2", 8, SAT);
    runs.plan("pr2", SAT, false, List.of(VLLM_AMD64, DARWIN_LLAMA));
    runs.build("pr2", VLLM_AMD64, SAT, Build.of(VLLM_AMD64, week(SAT)).withWrites(List.of()));
    runs.darwinSave("pr2", DARWIN_LLAMA, "homebrew", "brew-macOS-ARM64-v1-abc", 1000, true, SAT);
    runs.build("pr2", DARWIN_LLAMA, SAT, Build.of(DARWIN_LLAMA, "").withWrites(List.of()));
    runs.merge("pr2", "-cpu-vllm", SAT.plusSeconds(3600), List.of("linux/amd64"));

    assertThat(rules(history.audit()))
        .containsExactlyInAnyOrder(
            "1 pr-publish", "1 pr-publish", "1 pr-darwin-save", "1 pr-merge");
  }

  @Test
  void invariant2_cacheToWithoutIgnoreError_andProvenance_areFound() {
    runs.push("push1", SAT);
    runs.plan("push1", SAT, false, List.of(VLLM_AMD64, VLLM_ARM64));
    runs.build(
        "push1",
        VLLM_AMD64,
        SAT,
        Build.of(VLLM_AMD64, week(SAT))
            .withWrites(List.of(new CacheWrite(VLLM_AMD64.cacheRef(), "mode=max"))));
    runs.build("push1", VLLM_ARM64, SAT, Build.of(VLLM_ARM64, week(SAT)).withProvenance());
    runs.mergeAll("push1", SAT.plusSeconds(1800), List.of(VLLM_AMD64, VLLM_ARM64));

    AuditReport report = history.audit();

    assertThat(rules(report)).containsExactly("2 cache-to-options", "2 provenance");
    assertThat(report.violations().get(0).message())
        .contains("mode=max'")
        .contains("ignore-error=true");
  }

  // the engine driver's inline cache cannot be mode=max; it still must ignore export errors
  @Test
  void invariant2_inlineCacheExport_needsIgnoreErrorOnly() {
    runs.push("push1", SAT);
    runs.plan("push1", SAT, false, List.of(VLLM_AMD64, VLLM_ARM64));
    runs.build(
        "push1",
        VLLM_AMD64,
        SAT,
        Build.of(VLLM_AMD64, week(SAT))
            .withWrites(
                List.of(new CacheWrite(VLLM_AMD64.cacheRef(), "type=inline,ignore-error=true"))));
    runs.build(
        "push1",
        VLLM_ARM64,
        SAT,
        Build.of(VLLM_ARM64, week(SAT))
            .withWrites(List.of(new CacheWrite(VLLM_ARM64.cacheRef(), "type=inline"))));
    runs.mergeAll("push1", SAT.plusSeconds(1800), List.of(VLLM_AMD64, VLLM_ARM64));

    AuditReport report = history.audit();

    assertThat(rules(report)).containsExactly("2 cache-to-options");
    assertThat(report.violations().get(0).leg()).isEqualTo(VLLM_ARM64.id().value());
  }

  @Test
  void invariant3_twoLegsSharingTagSuffixAndPlatformTag_areFound() {
    Leg twin = VLLM_AMD64.withId("extra:-cpu-vllm@amd64");
    runs.push("push1", SAT);
    runs.plan(
        "push1",
        SAT,
        false,
        List.of(VLLM_AMD64, twin),
        List.of(
            new MergeGroup(
                TagSuffix.of("-cpu-vllm"),
                "auto",
                List.of(VLLM_AMD64.id()),
                List.of(VLLM_AMD64.id()))));
    runs.build("push1", VLLM_AMD64, SAT, Build.of(VLLM_AMD64, week(SAT)));
    runs.build("push1", twin, SAT.plusSeconds(60), Build.of(twin, week(SAT)));
    runs.merge("push1", "-cpu-vllm", SAT.plusSeconds(3000), List.of("linux/amd64"));

    AuditReport report = history.audit();

    assertThat(rules(report)).containsExactly("3 duplicate-namespace", "3 shared-cache-ref");
    assertThat(report.violations().get(1).evidence())
        .extracting(e -> e.leg())
        .containsExactly("-cpu-vllm@amd64", "extra:-cpu-vllm@amd64");
  }

  @Test
  void invariant3_platformTagOutsideTheThreeValues_andMixedSuffixes_areFound() {
    Leg single = Leg.python("-cpu-vllm", "", "vllm");
    runs.push("push1", SAT);
    runs.plan("push1", SAT, false, List.of(VLLM_AMD64, single), List.of());

    assertThat(rules(history.audit())).containsExactly("3 mixed-platform-tag");
  }

  @Test
  void invariant4_legBuiltOnABaseBeforeItWasPushed_isFound_andNotAfter() {
    runs.push("push1", SAT);
    runs.plan("push1", SAT, false, List.of(LLAMA), List.of());
    runs.fail("push1", LLAMA, SAT);
    runs.dispatch("base1", days(0.1));
    runs.plan("base1", days(0.1), true, List.of(BASE_LEG), List.of());
    runs.build(
        "base1", BASE_LEG, days(0.1), Build.of(BASE_LEG, "").pushingTo(ImageRef.parse(BASE)));
    runs.push("push2", days(0.2));
    runs.plan("push2", days(0.2), false, List.of(LLAMA), List.of());
    runs.build("push2", LLAMA, days(0.2), Build.of(LLAMA, week(SAT)));

    AuditReport report = history.audit();

    assertThat(rules(report)).containsExactly("4 bootstrap-order");
    assertThat(report.violations().get(0).run()).isEqualTo("push1");
    assertThat(report.violations().get(0).evidence())
        .extracting(e -> e.event())
        .containsExactly("MatrixFiltered", "LegFailed");
  }

  @Test
  void invariant4_basesListedAsPresentAtStart_areNotFlagged() {
    runs.push("push1", SAT);
    runs.plan("push1", SAT, false, List.of(LLAMA), List.of());
    runs.build("push1", LLAMA, SAT, Build.of(LLAMA, week(SAT)));

    assertThat(rules(history.audit())).containsExactly("4 bootstrap-order");
    AuditRules assumingBase =
        AuditRules.defaults().withImagesPresentAtStart(java.util.Set.of(BASE));
    assertThat(history.audit(AuditQuery.all(), assumingBase).violations()).isEmpty();
  }

  @Test
  void invariant5_digestNeverMerged_isFoundOnceTheWindowHasPassed() {
    runs.push("push1", SAT);
    runs.plan("push1", SAT, false, List.of(VLLM_AMD64));
    runs.build("push1", VLLM_AMD64, SAT, Build.of(VLLM_AMD64, week(SAT)));

    assertThat(history.audit().violations()).as("still inside the window").isEmpty();

    runs.push("push2", days(1));
    AuditReport report = history.audit();
    assertThat(rules(report)).containsExactly("5 unmerged-digest");
    assertThat(report.violations().get(0).leg()).isEqualTo("-cpu-vllm@amd64");
  }

  @Test
  void invariant5_mergeAfterTheWindow_isFoundAsLate() {
    runs.push("push1", SAT);
    runs.plan("push1", SAT, false, List.of(VLLM_AMD64));
    runs.build("push1", VLLM_AMD64, SAT, Build.of(VLLM_AMD64, week(SAT)));
    runs.merge("push1", "-cpu-vllm", SAT.plus(Duration.ofHours(3)), List.of("linux/amd64"));

    AuditReport report = history.audit();

    assertThat(rules(report)).containsExactly("5 merged-late");
    assertThat(report.violations().get(0).evidence())
        .extracting(e -> e.event())
        .containsExactly("ArchDigestPushed", "ManifestMerged");
  }

  @Test
  void invariant6_indexWithFewerArchitecturesThanItsGroup_isFound() {
    runs.push("push1", SAT);
    runs.plan("push1", SAT, false, List.of(VLLM_AMD64, VLLM_ARM64));
    runs.build("push1", VLLM_AMD64, SAT, Build.of(VLLM_AMD64, week(SAT)));
    runs.build("push1", VLLM_ARM64, SAT, Build.of(VLLM_ARM64, week(SAT)));
    runs.merge("push1", "-cpu-vllm", SAT.plusSeconds(1800), List.of("linux/amd64"));

    AuditReport report = history.audit();

    assertThat(rules(report)).containsExactly("6 partial-index");
    assertThat(report.violations().get(0).message()).contains("1 of the group's 2 architectures");
  }

  @Test
  void invariant6_deferralStillOpen_isFound_andALaterMergeResolvesIt() {
    runs.push("push1", SAT);
    runs.plan("push1", SAT, false, List.of(VLLM_AMD64, VLLM_ARM64));
    runs.build("push1", VLLM_AMD64, SAT, Build.of(VLLM_AMD64, week(SAT)));
    runs.fail("push1", VLLM_ARM64, SAT);
    runs.defer("push1", "-cpu-vllm", SAT.plusSeconds(1800), List.of(VLLM_ARM64));
    runs.push("push2", days(1));

    assertThat(rules(history.audit()))
        .as("the deferral explains the unmerged amd64 digest")
        .containsExactly("6 merge-deferred-open");

    runs.cleanRun("push2", days(1), false, List.of(VLLM_AMD64, VLLM_ARM64), week(SAT));
    assertThat(history.audit().violations()).isEmpty();
  }

  @Test
  void invariant7_releaseCancelledByASchedule_isFound_butNotByAUser() {
    runs.push("push1", SAT);
    runs.tag("tag1", "v3.0.0", SAT.plusSeconds(10), false);
    runs.schedule("sched1", SAT.plusSeconds(20));
    runs.cancel("tag1", "run:sched1", SAT.plusSeconds(20));
    runs.tag("tag2", "v3.0.1", SAT.plusSeconds(30), false);
    runs.cancel("tag2", "user:alice", SAT.plusSeconds(40));

    AuditReport report = history.audit();

    assertThat(rules(report)).containsExactly("7 release-cancelled");
    assertThat(report.violations().get(0).evidence())
        .extracting(e -> e.event() + " " + e.run())
        .containsExactly("TriggerReceived tag1", "TriggerReceived sched1", "RunCancelled tag1");
  }

  @Test
  void invariant8_pythonEntryWithoutABuildForMoreThanAWeek_isFound() {
    runs.schedule("s1", days(1));
    runs.cleanRun("s1", days(1), true, List.of(VLLM_AMD64), week(days(1)));
    runs.schedule("s2", days(8));
    runs.cleanRun("s2", days(8), true, List.of(VLLM_AMD64), week(days(8)));
    assertThat(history.audit().violations()).as("exactly 7 days apart").isEmpty();

    runs.schedule("s3", days(15));
    runs.plan("s3", days(15), true, List.of(VLLM_AMD64));
    runs.fail("s3", VLLM_AMD64, days(15));
    runs.defer("s3", "-cpu-vllm", days(15.1), List.of(VLLM_AMD64));
    runs.schedule("s4", days(22.5));
    runs.cleanRun("s4", days(22.5), true, List.of(VLLM_AMD64), week(days(22.5)));

    AuditReport report = history.audit();

    assertThat(rules(report)).containsExactly("8 python-gap");
    assertThat(report.violations().get(0).evidence())
        .extracting(e -> e.run())
        .containsExactly("s2", "s4");
  }

  @Test
  void invariant8_runsLoggedOutOfTimeOrder_leaveNoFalseGap() {
    runs.schedule("s1", days(1));
    runs.cleanRun("s1", days(1), true, List.of(VLLM_AMD64), week(days(1)));
    runs.schedule("s3", days(13));
    runs.cleanRun("s3", days(13), true, List.of(VLLM_AMD64), week(days(13)));
    runs.push("p2", days(7));
    runs.cleanRun("p2", days(7), false, List.of(VLLM_AMD64), week(days(7)));

    assertThat(history.audit().violations()).isEmpty();
  }

  @Test
  void baseImageLegsWithoutATagSuffix_shareNoNamespace() {
    Leg other = BASE_LEG.withId("base:base-grpc-arm64");
    runs.dispatch("base1", SAT);
    runs.plan("base1", SAT, true, List.of(BASE_LEG, other), List.of());

    assertThat(history.audit().violations()).isEmpty();
  }

  @Test
  void invariant8_entryStaleAtTheEndOfTheLog_isFound_unlessItLeftTheMatrix() {
    Leg other = Leg.python("-cpu-kokoro", "amd64", "kokoro");
    runs.schedule("s1", days(1));
    runs.cleanRun("s1", days(1), true, List.of(VLLM_AMD64, other), week(days(1)));
    runs.push("p2", days(5));
    runs.cleanRun("p2", days(5), false, List.of(other), week(days(5)));
    runs.push("p3", days(12));
    runs.cleanRun("p3", days(12), false, List.of(other), week(days(12)));

    assertThat(rules(history.audit())).containsExactly("8 python-stale");

    runs.schedule("s4", days(12.5));
    runs.cleanRun("s4", days(12.5), true, List.of(other), week(days(12.5)));
    assertThat(history.audit().violations()).as("vllm left the matrix").isEmpty();
  }

  @Test
  void invariant9_depsRefreshRepeatedAtYearEnd_isFound() {
    Instant january = Instant.parse("2024-01-03T06:00:00Z");
    Instant december = Instant.parse("2024-12-30T06:00:00Z");
    runs.schedule("jan", january);
    runs.cleanRun("jan", january, true, List.of(VLLM_AMD64), "2024-W01");
    runs.schedule("dec", december);
    runs.cleanRun("dec", december, true, List.of(VLLM_AMD64), "2024-W01");
    runs.schedule("jan2", december.plus(Duration.ofDays(7)));
    runs.cleanRun("jan2", december.plus(Duration.ofDays(7)), true, List.of(VLLM_AMD64), "2025-W02");

    AuditReport report = history.audit(AuditQuery.all(), longPythonWindow());

    assertThat(rules(report)).containsExactly("9 deps-refresh-repeated");
    Violation v = report.violations().get(0);
    assertThat(v.run()).isEqualTo("dec");
    assertThat(v.message()).contains("2024-W01").contains("ISO week 2025-W01");
    assertThat(v.evidence()).extracting(e -> e.run()).containsExactly("jan", "dec");
  }

  @Test
  void invariant9_buildStartingJustBeforeTheWeekBoundary_isNotARepeat() {
    Instant sundayNight = Instant.parse("2026-11-08T23:59:00Z");
    runs.push("p1", sundayNight.minus(Duration.ofMinutes(10)));
    runs.cleanRun("p1", sundayNight, false, List.of(VLLM_AMD64), "2026-W46");
    runs.push("p2", sundayNight.plus(Duration.ofHours(3)));
    runs.cleanRun(
        "p2", sundayNight.plus(Duration.ofHours(3)), false, List.of(VLLM_AMD64), "2026-W46");

    assertThat(history.audit().violations()).isEmpty();
  }

  @Test
  void invariant10_darwinCachesAboveBudget_areFound_unlessEvicted() {
    AuditRules rules = AuditRules.defaults().withDarwinBudget(1000);
    runs.push("p1", SAT);
    runs.plan("p1", SAT, false, List.of(DARWIN_LLAMA));
    runs.darwinSave("p1", DARWIN_LLAMA, "ccache", "ccache-llama-ARM64-v-1", 800, true, SAT);
    runs.build("p1", DARWIN_LLAMA, SAT, Build.of(DARWIN_LLAMA, "").withWrites(List.of()));
    runs.mergeAll("p1", SAT.plusSeconds(1800), List.of(DARWIN_LLAMA));
    runs.push("p2", days(1));
    runs.plan("p2", days(1), false, List.of(DARWIN_LLAMA));
    runs.darwinSave("p2", DARWIN_LLAMA, "ccache", "ccache-llama-ARM64-v-2", 800, true, days(1));
    runs.evict("ev1", "darwin", "ccache-llama-ARM64-v-1", "budget", days(1.01));
    runs.build("p2", DARWIN_LLAMA, days(1), Build.of(DARWIN_LLAMA, "").withWrites(List.of()));
    runs.mergeAll("p2", days(1.02), List.of(DARWIN_LLAMA));

    assertThat(history.audit(AuditQuery.all(), rules).violations()).as("evicted in time").isEmpty();

    runs.push("p3", days(2));
    runs.plan("p3", days(2), false, List.of(DARWIN_LLAMA));
    runs.darwinSave("p3", DARWIN_LLAMA, "ccache", "ccache-llama-ARM64-v-3", 800, true, days(2));
    runs.build("p3", DARWIN_LLAMA, days(2), Build.of(DARWIN_LLAMA, "").withWrites(List.of()));
    runs.mergeAll("p3", days(2.02), List.of(DARWIN_LLAMA));

    AuditReport report = history.audit(AuditQuery.all(), rules);
    assertThat(rules(report)).containsExactly("10 darwin-over-budget");
    assertThat(report.violations().get(0).run()).isEqualTo("p3");
  }

  @Test
  void invariant10_ungatedPullRequestSave_isFound() {
    runs.pullRequest("pr1", 5, SAT);
    runs.plan("pr1", SAT, false, List.of(DARWIN_LLAMA));
    runs.darwinSave("pr1", DARWIN_LLAMA, "go", "setup-go-macOS-arm64-go-1.25-abc", 500, false, SAT);
    runs.verify("pr1", DARWIN_LLAMA, SAT, Build.of(DARWIN_LLAMA, "").withWrites(List.of()));

    assertThat(rules(history.audit())).containsExactly("10 ungated-pr-save");
  }

  static AuditRules longPythonWindow() {
    return new AuditRules(
        Duration.ofHours(2),
        Duration.ofDays(400),
        AuditRules.GITHUB_CACHE_BUDGET,
        Duration.ofHours(1),
        20,
        10,
        java.util.Set.of(),
        java.util.Set.of());
  }

  @Test
  void sameLog_givesAnEqualReport() {
    cleanHistory();
    runs.pullRequest("pr9", 9, days(9));
    runs.plan("pr9", days(9), false, List.of(VLLM_AMD64));
    runs.verify("pr9", VLLM_AMD64, days(9), Build.of(VLLM_AMD64, week(days(9))));

    assertThat(history.audit()).isEqualTo(history.audit());
  }
}
