package dev.strata.gateway.core;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What agents report about legs, already parsed into domain values. */
public final class LegReports {
  private LegReports() {}

  /**
   * A finished build. With a {@code digest} it was pushed by digest ({@code ArchDigestPushed});
   * without, it was a verification build ({@code LegVerified}).
   */
  public record LegResult(
      Digest digest,
      List<ImageRef> pushedTo,
      ImageRef anchor,
      List<CacheRef> cacheRead,
      List<CacheWrite> cacheWritten,
      boolean provenance,
      StepStats steps,
      BuildInputs inputs,
      List<ImageRef> pushedTags) {}

  /** A failed build. */
  public record LegFailure(String failedStep, String reason, List<String> lastLogLines) {}

  /** A leg handed to an agent, with what it needs to build it and its lease. */
  public record ClaimedLeg(
      String leg,
      String runId,
      String legId,
      String pipeline,
      RunnerClass runnerClass,
      String mergeGroup,
      boolean darwin,
      Map<String, Scalar> fields,
      Trigger trigger,
      String concurrencyGroup,
      Instant leaseUntil,
      int attempt) {}
}
