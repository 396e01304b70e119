package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.CacheEvictionEntry;
import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.InputDifference;
import dev.strata.domain.run.api.LegFailed;
import java.util.List;

/** The sentences of {@code strata audit explain}. */
final class MissMessages {
  private MissMessages() {}

  static String steps(long cached, long executed) {
    return cached + " of " + (cached + executed) + " steps cached";
  }

  static String failed(String run, String leg, LegFailed e) {
    return "Leg "
        + leg
        + " of run "
        + run
        + " failed at step '"
        + e.failedStep()
        + "' ("
        + e.reason()
        + ") before recording its cache inputs";
  }

  static String noRead(String run, String leg) {
    return "Leg " + leg + " of run " + run + " read no registry cache";
  }

  static String noMiss(String leg, String ref, String steps) {
    return "No miss: every step of leg " + leg + " was served from " + ref + " (" + steps + ")";
  }

  static String evicted(
      String ref,
      CacheEvictionEntry eviction,
      Evidence lastWrite,
      String steps,
      List<InputDifference> differences) {
    return "Cache ref "
        + ref
        + " was evicted by "
        + eviction.evictedBy()
        + " at "
        + eviction.at()
        + " ("
        + eviction.reason()
        + ")"
        + (lastWrite == null
            ? ""
            : " after its last write by run " + lastWrite.run() + " at " + lastWrite.at())
        + " and not written again before this leg ("
        + steps
        + ")"
        + changes(differences);
  }

  static String neverWritten(
      String ref,
      String previousRef,
      String steps,
      long prReads,
      long otherReads,
      boolean targetIsPr) {
    StringBuilder sb =
        new StringBuilder("Cache ref ")
            .append(ref)
            .append(" was never written before this leg (")
            .append(steps)
            .append(")");
    if (otherReads == 0 && (targetIsPr || prReads > 0)) {
      sb.append(": only pull-request runs ever used it (")
          .append(prReads + (targetIsPr ? 1 : 0))
          .append(" read(s)), and pull requests never write caches, so it is a PR-only key");
    }
    if (previousRef != null && !previousRef.equals(ref)) {
      sb.append("; earlier builds of this leg used ").append(previousRef);
    }
    return sb.toString();
  }

  static String changed(
      String ref, Evidence lastWrite, String trigger, String steps, List<InputDifference> diffs) {
    return diffs.size()
        + " recorded input(s) differ from the last write of "
        + ref
        + " (run "
        + lastWrite.run()
        + ", "
        + trigger
        + ", "
        + lastWrite.at()
        + "; "
        + steps
        + ")"
        + changes(diffs);
  }

  static String unexplained(String ref, Evidence lastWrite, long executed, String firstExecuted) {
    return "The recorded inputs equal those of the last write of "
        + ref
        + " (run "
        + lastWrite.run()
        + ", "
        + lastWrite.at()
        + "), yet "
        + executed
        + " step(s) ran"
        + (firstExecuted == null ? "" : " from '" + firstExecuted + "'")
        + ": the log does not explain the miss (the export may have failed, it is best effort)";
  }

  static String notFound(String run, String leg) {
    return "The log has no build of leg "
        + leg
        + " in run "
        + run
        + " (check the run id and the leg key, e.g. -cpu-vllm@amd64)";
  }

  private static String changes(List<InputDifference> differences) {
    if (differences.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(": ");
    for (int i = 0; i < differences.size(); i++) {
      sb.append(i == 0 ? "" : "; ").append(InputComparison.describe(differences.get(i)));
    }
    return sb.toString();
  }
}
