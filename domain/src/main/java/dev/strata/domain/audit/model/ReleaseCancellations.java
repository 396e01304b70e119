package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.Invariant;
import dev.strata.domain.run.api.RunCancelled;
import dev.strata.domain.trigger.api.TriggerKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Invariant 7 (hazard H2, DOMAIN.md 9 and 15.5): a release (tag) run is never cancelled by a
 * schedule or dispatch run. Resolved at the end, because the cancelling run's trigger may be
 * recorded after the cancellation.
 */
final class ReleaseCancellations {

  private static final String BY_RUN = "run:";

  private final Findings findings;
  private final RunBook runs;
  private final List<Cancellation> cancellations = new ArrayList<>();

  ReleaseCancellations(Findings findings, RunBook runs) {
    this.findings = findings;
    this.runs = runs;
  }

  private record Cancellation(RunBook.Run victim, String by, String reason, Evidence ev) {}

  void onCancelled(long index, RunBook.Run run, RunCancelled e) {
    if (run.kind != TriggerKind.TAG_PUSH || e.cancelledBy() == null) {
      return;
    }
    if (e.cancelledBy().startsWith(BY_RUN)) {
      cancellations.add(
          new Cancellation(
              run,
              e.cancelledBy().substring(BY_RUN.length()),
              e.reason(),
              new Evidence(index, "RunCancelled", run.id, null, e.at())));
    }
  }

  void finish() {
    for (Cancellation c : cancellations) {
      RunBook.Run by = runs.find(c.by);
      if (by == null
          || (by.kind != TriggerKind.SCHEDULE && by.kind != TriggerKind.WORKFLOW_DISPATCH)) {
        continue;
      }
      Evidence victimTrigger =
          new Evidence(
              c.victim.triggerIndex, "TriggerReceived", c.victim.id, null, c.victim.triggeredAt);
      Evidence byTrigger =
          new Evidence(by.triggerIndex, "TriggerReceived", by.id, null, by.triggeredAt);
      findings.add(
          Invariant.RELEASE_CANCELLED,
          "release-cancelled",
          c.victim.id,
          c.ev.at(),
          c.victim.id,
          null,
          () ->
              "Release run "
                  + c.victim.id
                  + " (commit "
                  + c.victim.commit
                  + ") was cancelled by "
                  + by.kind
                  + " run "
                  + by.id
                  + " ("
                  + c.reason
                  + "): its version tags were never published (hazard H2)",
          victimTrigger,
          c.ev,
          byTrigger);
    }
  }
}
