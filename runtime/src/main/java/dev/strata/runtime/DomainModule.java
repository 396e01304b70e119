package dev.strata.runtime;

import dev.strata.domain.cache.model.CacheEviction;
import dev.strata.domain.run.model.BuildRun;

/**
 * The domain's aggregates. Every process that sends commands installs it: there is no command
 * router between processes, each handles its commands locally against the shared event store.
 */
public final class DomainModule implements RuntimeModule {

  @Override
  public void contributeTo(StrataRuntimeBuilder builder) {
    builder.registerAggregate(BuildRun.class).registerAggregate(CacheEviction.class);
  }
}
