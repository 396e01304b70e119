package dev.strata.audit.core.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.audit.TestStores;
import dev.strata.domain.run.api.CancelRun;
import dev.strata.domain.run.api.ReceiveTrigger;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordLegVerified;
import dev.strata.domain.trigger.api.TriggerKind;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The synthetic history is deterministic and LocalAI-shaped. */
class HistoryGeneratorTest {

  static List<ReceiveTrigger> triggers(List<RunScript> scripts) {
    return scripts.stream()
        .flatMap(s -> s.commands().stream())
        .filter(ReceiveTrigger.class::isInstance)
        .map(ReceiveTrigger.class::cast)
        .toList();
  }

  @Test
  void sameSeed_givesTheSameCommands_andAnotherSeedDoesNot() {
    assertThat(TestStores.history(120, 5)).isEqualTo(TestStores.history(120, 5));
    assertThat(TestStores.history(120, 6)).isNotEqualTo(TestStores.history(120, 5));
  }

  @Test
  void emitsExactlyTheRequestedRuns_startingWithTheBaseImages() {
    List<RunScript> scripts = TestStores.history(150, 1);

    assertThat(triggers(scripts)).hasSize(150);
    assertThat(triggers(scripts).get(0).pipelines()).containsExactly("base-images");
    Map<TriggerKind, Long> kinds =
        triggers(scripts).stream()
            .collect(Collectors.groupingBy(t -> t.trigger().kind(), Collectors.counting()));
    assertThat(kinds)
        .containsKeys(TriggerKind.PUSH, TriggerKind.PULL_REQUEST, TriggerKind.SCHEDULE);
    assertThat(scripts.get(0).startedAt())
        .isEqualTo(java.time.Instant.parse("2026-01-03T05:00:00Z"));
  }

  @Test
  void pullRequestsNeverExportCaches_andPushesAlwaysDoWithTheRightOptions() {
    List<Object> commands =
        TestStores.history(200, 2).stream().flatMap(s -> s.commands().stream()).toList();

    assertThat(commands)
        .filteredOn(RecordLegVerified.class::isInstance)
        .map(RecordLegVerified.class::cast)
        .allMatch(v -> v.cacheWritten().isEmpty())
        .isNotEmpty();
    assertThat(commands)
        .filteredOn(RecordArchDigest.class::isInstance)
        .map(RecordArchDigest.class::cast)
        .filteredOn(d -> !d.cacheWritten().isEmpty())
        .allMatch(d -> d.cacheWritten().get(0).options().contains("mode=max,ignore-error=true"))
        .allMatch(d -> !d.provenance());
  }

  @Test
  void supersededPullRequests_areCancelledByTheNewerRun() {
    List<RunScript> scripts = TestStores.history(300, 3);
    Map<String, ReceiveTrigger> byRun =
        triggers(scripts).stream()
            .collect(Collectors.toMap(t -> t.runId().value(), Function.identity()));
    List<CancelRun> cancels =
        scripts.stream()
            .flatMap(s -> s.commands().stream())
            .filter(CancelRun.class::isInstance)
            .map(CancelRun.class::cast)
            .toList();

    assertThat(cancels).isNotEmpty();
    for (CancelRun cancel : cancels) {
      ReceiveTrigger by = byRun.get(cancel.cancelledBy().substring("run:".length()));
      assertThat(by).as(cancel.toString()).isNotNull();
    }
  }
}
