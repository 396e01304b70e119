package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;
import java.time.Instant;

/** Every event the {@code BuildRun} aggregate records. */
public sealed interface RunEvent
    permits TriggerReceived,
        RunStarted,
        MatrixFiltered,
        MatrixPlanningFailed,
        LegClaimed,
        LegClaimRejected,
        LegLeaseExtended,
        LegLeaseExpired,
        LegReleased,
        ArchDigestPushed,
        LegVerified,
        LegFailed,
        DarwinCacheRestored,
        DarwinCacheSaved,
        ManifestMerged,
        MergeDeferred,
        KeepaliveTagsCleaned,
        RunCancelled,
        RunCompleted {

  /** The run the event belongs to. */
  RunId runId();

  /** When the event happened (taken from the command, never from a clock in the domain). */
  Instant at();
}
