package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a run for a trigger. {@code started} is the concurrency decision: false queues the run
 * behind a running one.
 */
public record ReceiveTrigger(
    @TargetAggregateIdentifier RunId runId,
    Trigger trigger,
    String deliveryId,
    String concurrencyGroup,
    List<String> pipelines,
    boolean started,
    Instant at)
    implements RunCommand {}
