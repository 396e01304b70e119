package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.trigger.api.TriggerKind;
import java.util.Optional;

/**
 * How a leg uses its registry cache per trigger (DOMAIN.md 1.1, 4.4, 4.7, invariants 3 and 4 of
 * 10): it always reads ({@code cache-from}); it writes ({@code cache-to}, {@code mode=max} and
 * {@code ignore-error=true} so an export failure never fails the build) only when the trigger is
 * not a pull request. The audit checks recorded legs against the same answers.
 */
public final class CachePolicy {
  private CachePolicy() {}

  /**
   * A leg's cache settings.
   *
   * @param ref the cache ref read and possibly written
   * @param cacheFrom the {@code cache-from} value
   * @param cacheTo the {@code cache-to} value, empty for pull requests
   */
  public record CacheAccess(CacheRef ref, String cacheFrom, Optional<String> cacheTo) {
    public CacheAccess {
      Values.required(ref, "cache ref");
      Values.required(cacheFrom, "cache-from");
      Values.required(cacheTo, "cache-to");
    }

    public boolean writes() {
      return cacheTo.isPresent();
    }
  }

  /** Whether runs of {@code kind} write registry caches: every kind except pull requests. */
  public static boolean writesCache(TriggerKind kind) {
    return Values.required(kind, "trigger kind") != TriggerKind.PULL_REQUEST;
  }

  /** {@code type=registry,ref=<ref>}. */
  public static String cacheFrom(CacheRef ref) {
    return "type=registry,ref=" + Values.required(ref, "cache ref");
  }

  /** {@code type=registry,ref=<ref>,mode=max,ignore-error=true}, or empty for a pull request. */
  public static Optional<String> cacheTo(TriggerKind kind, CacheRef ref) {
    Values.required(ref, "cache ref");
    return writesCache(kind)
        ? Optional.of("type=registry,ref=" + ref + ",mode=max,ignore-error=true")
        : Optional.empty();
  }

  /** Both settings for a leg of a {@code kind} run. */
  public static CacheAccess forLeg(TriggerKind kind, CacheRef ref) {
    return new CacheAccess(ref, cacheFrom(ref), cacheTo(kind, ref));
  }
}
