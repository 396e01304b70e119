package dev.strata.domain.run.api;

import dev.strata.domain.Values;
import dev.strata.domain.cache.api.CacheRef;

/**
 * A registry cache written by a build, with the cache-to options it used (the audit checks {@code
 * mode=max,ignore-error=true}, DOMAIN.md 10.4).
 *
 * @param ref the cache ref written
 * @param options the cache-to options as passed, e.g. {@code mode=max,ignore-error=true}
 */
public record CacheWrite(CacheRef ref, String options) {
  public CacheWrite {
    Values.required(ref, "cache ref");
    Values.required(options, "cache-to options");
  }
}
