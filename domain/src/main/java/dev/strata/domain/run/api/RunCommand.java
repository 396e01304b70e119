package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;

/** Every command the {@code BuildRun} aggregate handles. */
public sealed interface RunCommand
    permits ReceiveTrigger,
        StartRun,
        RecordMatrix,
        RecordPlanningFailure,
        ClaimLeg,
        ExtendLease,
        ExpireLease,
        ReleaseLeg,
        RecordArchDigest,
        RecordLegVerified,
        RecordLegFailure,
        RecordDarwinCacheRestore,
        RecordDarwinCacheSave,
        RecordManifestMerge,
        DeferMerge,
        RecordKeepaliveCleanup,
        CancelRun {

  /** The target run. */
  RunId runId();
}
