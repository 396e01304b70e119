package dev.strata.domain.cache.api;

import dev.strata.domain.image.api.Digest;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A cache entry was evicted: which, from where, by whom and why (see {@link EvictCache}). */
@Revision("1")
public record CacheEvicted(
    String evictionId,
    String store,
    String ref,
    Digest digest,
    List<String> alsoRemoved,
    String reason,
    String evictedBy,
    long bytes,
    Instant at) {
  public CacheEvicted {
    alsoRemoved = List.copyOf(alsoRemoved);
  }
}
