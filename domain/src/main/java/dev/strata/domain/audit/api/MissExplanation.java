package dev.strata.domain.audit.api;

import java.util.List;

/**
 * Why a leg's registry cache missed ({@code strata audit explain}): the recorded inputs that
 * differed from the last write of its cache ref, or that the ref was evicted (and by whom), or that
 * it was never written.
 *
 * @param run the run
 * @param leg the leg id
 * @param verdict the kind of answer
 * @param message the answer in one or two sentences
 * @param cacheRef the cache ref the leg read, or null
 * @param build the leg's build event, or null when not found
 * @param cachedSteps steps served from cache in the leg's build
 * @param executedSteps steps that ran
 * @param firstExecutedStep the first step that ran (where the cache broke), or null
 * @param lastWrite the last write of the cache ref before the leg, or null
 * @param lastWriteTrigger the trigger kind of the last write's run, or null
 * @param differences the inputs that differ from the last write, in build order
 * @param eviction the eviction that removed the ref after its last write, or null
 */
public record MissExplanation(
    String run,
    String leg,
    Verdict verdict,
    String message,
    String cacheRef,
    Evidence build,
    long cachedSteps,
    long executedSteps,
    String firstExecutedStep,
    Evidence lastWrite,
    String lastWriteTrigger,
    List<InputDifference> differences,
    CacheEvictionEntry eviction) {
  public MissExplanation {
    differences = List.copyOf(differences);
  }

  /** The kinds of answer. */
  public enum Verdict {
    /** The leg's build is not in the log. */
    LEG_NOT_FOUND,
    /** The leg failed before recording its inputs. */
    LEG_FAILED,
    /** The leg read no registry cache. */
    NO_CACHE_READ,
    /** Every step was served from cache: there was no miss. */
    NO_MISS,
    /** The cache ref was never written before the leg. */
    NEVER_WRITTEN,
    /** The cache ref was evicted after its last write. */
    EVICTED,
    /** Recorded inputs differ from the last write. */
    INPUTS_CHANGED,
    /** The recorded inputs equal the last write's: the log does not explain the miss. */
    UNEXPLAINED
  }
}
