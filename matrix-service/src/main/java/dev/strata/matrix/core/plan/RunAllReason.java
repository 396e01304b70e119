package dev.strata.matrix.core.plan;

/** Why a plan selects every entry (DOMAIN.md 3.1). */
public enum RunAllReason {
  /** {@code FORCE_ALL=true} on a branch push. */
  FORCE_ALL,
  /** A tag push. */
  TAG_PUSH,
  /** No {@code ref} in the payload (a scheduled run) or another event that is neither. */
  NO_REF,
  /** A branch push without {@code before} or {@code after} (workflow_dispatch). */
  MISSING_RANGE,
  /** A push whose {@code before} is all zeros (a new branch). */
  ZERO_BEFORE,
  /** The changed-file list could not be obtained. */
  CHANGED_FILES_UNAVAILABLE,
  /** The list reached the compare cap and is treated as truncated. */
  TRUNCATED
}
