package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.AuditQuery;
import dev.strata.domain.audit.api.AuditReport;
import dev.strata.domain.audit.api.MissExplanation;
import dev.strata.domain.cache.model.CacheEviction;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.run.model.BuildRun;
import dev.strata.domain.trigger.api.RunId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;

/**
 * An in-memory event log written only through the real aggregates ({@link BuildRun}, {@link
 * CacheEviction}): tests send commands, never raw events, and then audit the log.
 */
final class AggregateHistory {

  /** One stored event. */
  record Logged(long index, Object payload) {}

  private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
  private final CommandGateway gateway;

  AggregateHistory() {
    EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
    SimpleCommandBus bus = SimpleCommandBus.builder().build();
    subscribe(BuildRun.class, store, bus);
    subscribe(CacheEviction.class, store, bus);
    gateway = DefaultCommandGateway.builder().commandBus(bus).build();
  }

  private static <A> void subscribe(Class<A> type, EmbeddedEventStore store, SimpleCommandBus bus) {
    EventSourcingRepository<A> repository =
        EventSourcingRepository.builder(type).eventStore(store).build();
    AggregateAnnotationCommandHandler.<A>builder()
        .aggregateType(type)
        .repository(repository)
        .build()
        .subscribe(bus);
  }

  /** Sends a command to its aggregate and returns the handler's result. */
  <R> R send(Object command) {
    return gateway.sendAndWait(command);
  }

  /** Every stored event in log order. */
  List<Logged> events() {
    List<Logged> out = new ArrayList<>();
    try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
      stream.forEach(
          m -> out.add(new Logged(m.trackingToken().position().orElseThrow(), m.getPayload())));
    }
    return out;
  }

  AuditReport audit(AuditQuery query, AuditRules rules) {
    Auditor auditor = new Auditor(query, rules);
    for (Logged e : events()) {
      auditor.accept(e.index(), e.payload());
    }
    return auditor.report();
  }

  AuditReport audit() {
    return audit(AuditQuery.all(), AuditRules.defaults());
  }

  MissExplanation explain(String run, String leg) {
    MissExplainer explainer = new MissExplainer(RunId.of(run), LegId.of(leg));
    for (Logged e : events()) {
      explainer.accept(e.index(), e.payload());
      if (explainer.done()) {
        break;
      }
    }
    return explainer.explanation();
  }
}
