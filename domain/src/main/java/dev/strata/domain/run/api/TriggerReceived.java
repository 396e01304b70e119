package dev.strata.domain.run.api;

import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A trigger was accepted and a run created. {@code pipelines} are the pipelines the run must plan;
 * {@code started} is false when the run waits behind a running run of its concurrency group.
 */
@Revision("1")
public record TriggerReceived(
    RunId runId,
    Trigger trigger,
    String deliveryId,
    String concurrencyGroup,
    List<String> pipelines,
    boolean started,
    Instant at)
    implements RunEvent {}
