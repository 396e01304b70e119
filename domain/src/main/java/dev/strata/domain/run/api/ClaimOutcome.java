package dev.strata.domain.run.api;

import java.time.Instant;

/**
 * The answer to {@link ClaimLeg}: granted with a lease, or refused with the reason (the refusal is
 * also recorded as {@link LegClaimRejected}).
 */
public record ClaimOutcome(boolean granted, String reason, Instant leaseUntil, int attempt) {
  public static ClaimOutcome granted(Instant leaseUntil, int attempt) {
    return new ClaimOutcome(true, "", leaseUntil, attempt);
  }

  public static ClaimOutcome refused(String reason) {
    return new ClaimOutcome(false, reason, null, 0);
  }
}
