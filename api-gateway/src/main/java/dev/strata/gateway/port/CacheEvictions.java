package dev.strata.gateway.port;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import java.util.List;

/**
 * Evicts a registry cache tag behind {@code DELETE /v1/cache/{ref}}. The gateway does not depend on
 * the merge-service: the launcher wires this port to its cache eviction when merge settings exist.
 * Implementations talk to a registry and record the eviction, so a call blocks; the gateway calls
 * it on a worker thread.
 */
@FunctionalInterface
public interface CacheEvictions {

  /**
   * Deletes {@code ref}'s digest and records who evicted it and why.
   *
   * @param force also evict when other tags share the digest (they go with it)
   * @throws EvictionFailed when the tag is absent, shared without {@code force}, or the registry
   *     failed
   */
  Evicted evict(CacheRef ref, String reason, String evictedBy, boolean force) throws EvictionFailed;

  /** What was evicted: the digest and the other tags that went with it. */
  record Evicted(CacheRef ref, Digest digest, List<String> alsoRemoved) {
    public Evicted {
      alsoRemoved = List.copyOf(alsoRemoved);
    }
  }

  /** Why an eviction was not done. */
  enum Failure {
    /** The tag does not exist. */
    NOT_FOUND,
    /** Other tags share the digest and {@code force} was not given. */
    SHARED_DIGEST,
    /** The registry did not answer or refused. */
    REGISTRY
  }

  /** An eviction that was not done; the message says why and what to do. */
  final class EvictionFailed extends Exception {
    private final Failure failure;

    public EvictionFailed(Failure failure, String message, Throwable cause) {
      super(message, cause);
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }
}
