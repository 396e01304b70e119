package dev.strata.audit.core.whatif;

import java.util.List;

/**
 * Recorded plans against the same triggers planned with another profile.
 *
 * @param runs one row per compared run, in log order
 * @param totals sums over the rows that could be re-planned
 * @param rules per shared-input rule, how often it fired and the legs of the runs it fired in
 */
public record WhatIfReport(List<RunRow> runs, Totals totals, List<RuleRow> rules) {
  public WhatIfReport {
    runs = List.copyOf(runs);
    rules = List.copyOf(rules);
  }

  /**
   * One run.
   *
   * @param run the run id
   * @param trigger the trigger kind (push, pull_request, ...)
   * @param commit the commit planned
   * @param recordedLegs legs the recorded plan selected
   * @param whatIfLegs legs the other profile selects (0 when re-planning failed)
   * @param recordedRunAll whether the recorded plan built everything
   * @param whatIfRunAll whether the other profile would
   * @param error why re-planning failed, or null
   */
  public record RunRow(
      String run,
      String trigger,
      String commit,
      int recordedLegs,
      int whatIfLegs,
      boolean recordedRunAll,
      boolean whatIfRunAll,
      String error) {}

  /**
   * Sums.
   *
   * @param runs runs compared
   * @param failed runs that could not be re-planned (left out of the sums)
   * @param recordedLegs legs built under the recorded profile
   * @param whatIfLegs legs the other profile would have built
   * @param recordedRunAll recorded run-all plans
   * @param whatIfRunAll run-all plans under the other profile
   */
  public record Totals(
      int runs,
      int failed,
      long recordedLegs,
      long whatIfLegs,
      int recordedRunAll,
      int whatIfRunAll) {

    /** Legs the other profile adds (negative: saves). */
    public long legDelta() {
      return whatIfLegs - recordedLegs;
    }
  }

  /**
   * One shared-input rule.
   *
   * @param rule the rule id
   * @param recordedRuns runs in which it fired under the recorded profile
   * @param whatIfRuns runs in which it fires under the other profile
   * @param recordedLegs legs of the recorded runs it fired in
   * @param whatIfLegs legs of the re-planned runs it fires in
   */
  public record RuleRow(
      String rule, int recordedRuns, int whatIfRuns, long recordedLegs, long whatIfLegs) {}
}
