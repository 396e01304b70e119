package dev.strata.audit.core.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.audit.core.ReplayProgress;
import dev.strata.audit.port.EventLog;
import dev.strata.audit.port.EventLogException;
import dev.strata.audit.port.Replanner.Replan;
import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WhatIfAnalysisTest {
  private static final Repository REPO = Repository.parse("mudler/LocalAI");
  private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");
  private static final CommitSha BEFORE = sha('1');

  private final List<Object> log = new ArrayList<>();
  private final Map<String, Replan> replans = new HashMap<>();
  private final List<Trigger> asked = new ArrayList<>();

  @Test
  void comparesEachRecordedPlanWithTheReplan_perRunAndInTotal() {
    record("r1", sha('a'), 0, 3, false, List.of("rule:proto"));
    record("r2", sha('b'), 60, 10, true, List.of());
    replans.put(sha('a').value(), new Replan(false, 1, 0, List.of("rule:proto"), null));
    replans.put(sha('b').value(), new Replan(false, 4, 1, List.of("rule:go"), null));

    WhatIfReport report = analyse(AuditQuery.all());

    assertThat(report.runs())
        .extracting(
            WhatIfReport.RunRow::run, WhatIfReport.RunRow::recordedLegs, r -> r.whatIfLegs())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("r1", 3, 1),
            org.assertj.core.groups.Tuple.tuple("r2", 10, 5));
    assertThat(report.totals().recordedLegs()).isEqualTo(13);
    assertThat(report.totals().whatIfLegs()).isEqualTo(6);
    assertThat(report.totals().legDelta()).isEqualTo(-7);
    assertThat(report.totals().recordedRunAll()).isEqualTo(1);
    assertThat(report.totals().whatIfRunAll()).isZero();
  }

  @Test
  void perRule_countsTheRunsItFiredInAndTheirLegs_onEachSide() {
    record("r1", sha('a'), 0, 3, false, List.of("rule:proto", "rule:go"));
    record("r2", sha('b'), 60, 2, false, List.of("rule:go"));
    replans.put(sha('a').value(), new Replan(false, 1, 0, List.of("rule:proto"), null));
    replans.put(sha('b').value(), new Replan(false, 7, 0, List.of("rule:go"), null));

    WhatIfReport report = analyse(AuditQuery.all());

    assertThat(report.rules())
        .containsExactly(
            new WhatIfReport.RuleRow("rule:go", 2, 1, 5, 7),
            new WhatIfReport.RuleRow("rule:proto", 1, 1, 3, 1));
  }

  @Test
  void aRunThatCannotBePlannedAgain_isListedWithItsErrorAndLeftOutOfTheSums() {
    record("r1", sha('a'), 0, 3, false, List.of("rule:go"));
    record("r2", sha('b'), 60, 4, false, List.of());
    replans.put(sha('a').value(), Replan.failed("commit aaaa is not in repository /x"));
    replans.put(sha('b').value(), new Replan(false, 4, 0, List.of(), null));

    WhatIfReport report = analyse(AuditQuery.all());

    assertThat(report.runs().get(0).error()).contains("not in repository");
    assertThat(report.totals().failed()).isEqualTo(1);
    assertThat(report.totals().recordedLegs()).isEqualTo(4);
    assertThat(report.rules()).isEmpty();
  }

  @Test
  void onlyTriggersInTheQueryWindowAreReplanned_andRunsWithoutARecordedPlanAreSkipped() {
    record("r1", sha('a'), 0, 3, false, List.of());
    record("r2", sha('b'), 3600, 4, false, List.of());
    log.add(received("r3", sha('c'), 7200)); // planning never happened
    replans.put(sha('b').value(), new Replan(false, 4, 0, List.of(), null));

    WhatIfReport report = analyse(new AuditQuery(T0.plusSeconds(1800), null, null));

    assertThat(report.runs()).extracting(WhatIfReport.RunRow::run).containsExactly("r2");
    assertThat(asked).extracting(Trigger::sha).containsExactly(sha('b'));
  }

  @Test
  void otherPipelinesRecordedForTheRun_areNotCompared() {
    log.add(received("r1", sha('a'), 0));
    log.add(plan("r1", "root-image", 10, false, List.of()));
    log.add(plan("r1", "backend", 2, false, List.of()));
    replans.put(sha('a').value(), new Replan(false, 2, 0, List.of(), null));

    WhatIfReport report = analyse(AuditQuery.all());

    assertThat(report.runs())
        .singleElement()
        .satisfies(r -> assertThat(r.recordedLegs()).isEqualTo(2));
  }

  @Test
  void textReport_statesTheDeltaAndMarksRunAllPlans() {
    record("r1", sha('a'), 0, 10, true, List.of());
    replans.put(sha('a').value(), new Replan(false, 4, 0, List.of(), null));

    String text = WhatIfText.write(analyse(AuditQuery.all()), "b.yml");

    assertThat(text)
        .contains("1 recorded backend plans planned again with b.yml")
        .contains("legs built: recorded 10, what-if 4 (-6, -60.0%)")
        .contains("10*");
  }

  private WhatIfReport analyse(AuditQuery query) {
    try {
      return analyseOrThrow(query);
    } catch (EventLogException e) {
      throw new AssertionError(e);
    }
  }

  private WhatIfReport analyseOrThrow(AuditQuery query) throws EventLogException {
    EventLog events =
        new EventLog() {
          @Override
          public long replay(Predicate<Class<?>> wanted, Sink sink) {
            IntStream.range(0, log.size())
                .forEach(
                    i -> {
                      if (wanted.test(log.get(i).getClass())) {
                        sink.event(i, log.get(i));
                      } else {
                        sink.skipped(i);
                      }
                    });
            return log.size();
          }

          @Override
          public String describe() {
            return "memory";
          }
        };
    return new WhatIfAnalysis(
            events,
            trigger -> {
              asked.add(trigger);
              return replans.get(trigger.sha().value());
            },
            ReplayProgress.SILENT)
        .analyse(query);
  }

  private void record(
      String run, CommitSha sha, int atSeconds, int legs, boolean runAll, List<String> rules) {
    log.add(received(run, sha, atSeconds));
    log.add(plan(run, "backend", legs, runAll, rules));
  }

  private static TriggerReceived received(String run, CommitSha sha, int atSeconds) {
    return new TriggerReceived(
        RunId.of(run),
        Trigger.push(REPO, "master", BEFORE, sha, false),
        "delivery-" + run,
        "ci-backends-master",
        List.of("backend"),
        true,
        T0.plusSeconds(atSeconds));
  }

  private static MatrixFiltered plan(
      String run, String pipeline, int legs, boolean runAll, List<String> rules) {
    List<PlannedLeg> planned = new ArrayList<>();
    for (int i = 0; i < legs; i++) {
      planned.add(
          new PlannedLeg(
              LegId.linux(LegKey.of("-cpu-b" + i, "amd64")),
              RunnerClass.of("ubuntu-latest"),
              TagSuffix.of("-cpu-b" + i),
              false,
              Map.of("backend", Scalar.string("b" + i))));
    }
    return new MatrixFiltered(
        RunId.of(run),
        pipeline,
        runAll,
        runAll ? "FORCE_ALL" : "",
        planned,
        List.of(),
        List.of(),
        rules,
        T0);
  }

  private static CommitSha sha(char c) {
    return CommitSha.parse(String.valueOf(c).repeat(40));
  }
}
