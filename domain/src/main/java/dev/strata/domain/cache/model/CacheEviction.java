package dev.strata.domain.cache.model;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.strata.domain.Values;
import dev.strata.domain.cache.api.CacheEvicted;
import dev.strata.domain.cache.api.EvictCache;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** One eviction of one cache entry. Evictions are independent, so each is its own aggregate. */
public class CacheEviction {
  private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,64}");

  @AggregateIdentifier private String evictionId;

  /** For Axon. */
  protected CacheEviction() {}

  @CommandHandler
  public CacheEviction(EvictCache cmd) {
    Values.matching(cmd.evictionId(), ID, "eviction id", "1 to 64 of [a-z0-9-]");
    Values.required(cmd.store(), "cache store");
    Values.required(cmd.ref(), "evicted ref");
    Values.required(cmd.reason(), "eviction reason");
    Values.required(cmd.evictedBy(), "evicted by");
    apply(
        new CacheEvicted(
            cmd.evictionId(),
            cmd.store(),
            cmd.ref(),
            cmd.digest(),
            cmd.alsoRemoved() == null ? java.util.List.of() : cmd.alsoRemoved(),
            cmd.reason(),
            cmd.evictedBy(),
            cmd.bytes(),
            cmd.at()));
  }

  @EventSourcingHandler
  void on(CacheEvicted e) {
    evictionId = e.evictionId();
  }
}
