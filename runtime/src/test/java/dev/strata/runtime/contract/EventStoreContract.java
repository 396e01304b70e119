package dev.strata.runtime.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StrataConfig;
import dev.strata.runtime.contract.LedgerMessages.Amount;
import dev.strata.runtime.contract.LedgerMessages.EntryRecorded;
import dev.strata.runtime.contract.LedgerMessages.LedgerOpened;
import dev.strata.runtime.contract.LedgerMessages.OpenLedger;
import dev.strata.runtime.contract.LedgerMessages.RecordEntry;
import dev.strata.runtime.health.HealthReport;
import dev.strata.runtime.health.ProcessorHealth;
import dev.strata.runtime.testing.Eventually;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event store contract every database behind Strata's runtime must meet: appended events read
 * back in order, a lost append race is Axon's concurrency exception, tracking tokens survive a
 * restart, and a reset replays everything. Subclasses say which database runs it.
 */
public abstract class EventStoreContract {

  /** How long eventually-consistent assertions wait. */
  protected static final Duration WAIT = Duration.ofSeconds(20);

  private static final Instant OPENED = Instant.parse("2026-11-28T10:15:30.123Z");

  /** Local state of the runtimes under test. */
  @TempDir protected Path dataDir;

  private StrataConfig store;
  private final List<StrataRuntime> runtimes = new ArrayList<>();

  /** A configuration for a new, empty event store; called once before each test. */
  protected abstract StrataConfig freshStore(Path dataDir) throws Exception;

  /** Removes what {@link #freshStore} created; called after every runtime is closed. */
  protected void dropStore() throws Exception {}

  @BeforeEach
  void createStore() throws Exception {
    store = freshStore(dataDir);
  }

  @AfterEach
  void closeRuntimes() throws Exception {
    List<StrataRuntime> reversed = new ArrayList<>(runtimes);
    Collections.reverse(reversed);
    reversed.forEach(StrataRuntime::close);
    dropStore();
  }

  /** A started runtime on this test's store with the ledger aggregate and {@code handlers}. */
  protected StrataRuntime runtime(Object... handlers) throws Exception {
    var builder = StrataRuntime.builder(store).registerAggregate(LedgerAggregate.class);
    for (Object handler : handlers) {
      builder.registerEventHandler(handler);
    }
    StrataRuntime runtime = builder.build();
    runtimes.add(runtime);
    return runtime.start();
  }

  @Test
  void appendedEvents_areReadBackInOrderPerAggregateAndGlobally() throws Exception {
    StrataRuntime writer = runtime();
    writer.commandGateway().sendAndWait(new OpenLedger("L-1", OPENED));
    writer.commandGateway().sendAndWait(new OpenLedger("L-2", OPENED));
    for (int i = 1; i <= 3; i++) {
      writer.commandGateway().sendAndWait(new RecordEntry("L-1", 10L * i));
      writer.commandGateway().sendAndWait(new RecordEntry("L-2", 100L * i));
    }
    writer.close();

    StrataRuntime reader = runtime();
    List<? extends DomainEventMessage<?>> ledger =
        reader.eventStore().readEvents("L-1").asStream().toList();
    assertThat(ledger)
        .extracting(DomainEventMessage::getSequenceNumber)
        .containsExactly(0L, 1L, 2L, 3L);
    assertThat(ledger).extracting(DomainEventMessage::getType).containsOnly("LedgerAggregate");
    assertThat(ledger.stream().map(m -> (Object) m.getPayload()).toList())
        .containsExactly(
            new LedgerOpened("L-1", OPENED),
            new EntryRecorded("L-1", 1, new Amount(10)),
            new EntryRecorded("L-1", 2, new Amount(20)),
            new EntryRecorded("L-1", 3, new Amount(30)));

    assertThat(readAll(reader, 8))
        .containsExactly(
            new LedgerOpened("L-1", OPENED),
            new LedgerOpened("L-2", OPENED),
            new EntryRecorded("L-1", 1, new Amount(10)),
            new EntryRecorded("L-2", 1, new Amount(100)),
            new EntryRecorded("L-1", 2, new Amount(20)),
            new EntryRecorded("L-2", 2, new Amount(200)),
            new EntryRecorded("L-1", 3, new Amount(30)),
            new EntryRecorded("L-2", 3, new Amount(300)));
  }

  @Test
  void twoWritersAppendingTheSameSequence_secondGetsConcurrencyException() throws Exception {
    StrataRuntime first = runtime();
    StrataRuntime second = runtime();
    first.commandGateway().sendAndWait(new OpenLedger("L-race", OPENED));

    // both writers loaded the ledger at sequence 0 and decided on entry #1
    first.eventStore().publish(entry("L-race", 1, 1));
    assertThatThrownBy(() -> second.eventStore().publish(entry("L-race", 1, 2)))
        .isExactlyInstanceOf(ConcurrencyException.class);

    assertThat(payloads(second, "L-race"))
        .containsExactly(
            new LedgerOpened("L-race", OPENED), new EntryRecorded("L-race", 1, new Amount(1)));
  }

  @Test
  void twoWritersCreatingTheSameAggregate_secondGetsAggregateStreamCreationException()
      throws Exception {
    StrataRuntime first = runtime();
    StrataRuntime second = runtime();
    first.commandGateway().sendAndWait(new OpenLedger("L-twice", OPENED));

    assertThatThrownBy(
            () ->
                second
                    .commandGateway()
                    .sendAndWait(new OpenLedger("L-twice", OPENED.plusSeconds(1))))
        .isExactlyInstanceOf(AggregateStreamCreationException.class);
    assertThat(payloads(first, "L-twice")).containsExactly(new LedgerOpened("L-twice", OPENED));
  }

  @Test
  void aggregateLoadedBeforeAnotherWriterAppended_failsToCommitWithConcurrencyException()
      throws Exception {
    StrataRuntime first = runtime();
    StrataRuntime second = runtime();
    first.commandGateway().sendAndWait(new OpenLedger("L-stale", OPENED));

    DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
    unitOfWork.attachTransaction(second.transactionManager());
    Aggregate<LedgerAggregate> stale =
        second.configuration().repository(LedgerAggregate.class).load("L-stale");
    // another process appends entry #1 meanwhile (another thread: its own unit of work)
    CompletableFuture.runAsync(
            () -> first.commandGateway().sendAndWait(new RecordEntry("L-stale", 5)))
        .get(30, TimeUnit.SECONDS);
    stale.execute(ledger -> ledger.handle(new RecordEntry("L-stale", 7)));

    assertThatThrownBy(unitOfWork::commit).isExactlyInstanceOf(ConcurrencyException.class);
    assertThat(payloads(first, "L-stale"))
        .containsExactly(
            new LedgerOpened("L-stale", OPENED), new EntryRecorded("L-stale", 1, new Amount(5)));
  }

  @Test
  void trackingProcessor_resumesFromItsStoredTokenAfterRestart() throws Exception {
    LedgerProjection before = new LedgerProjection();
    StrataRuntime first = runtime(before);
    first.commandGateway().sendAndWait(new OpenLedger("L-resume", OPENED));
    first.commandGateway().sendAndWait(new RecordEntry("L-resume", 1));
    first.commandGateway().sendAndWait(new RecordEntry("L-resume", 2));
    Eventually.await("3 events are handled", WAIT, () -> before.seen().size() == 3, before::seen);
    first.close();

    LedgerProjection after = new LedgerProjection();
    StrataRuntime second = runtime(after);
    second.commandGateway().sendAndWait(new RecordEntry("L-resume", 3));
    second.commandGateway().sendAndWait(new RecordEntry("L-resume", 4));
    assertThat(second.awaitProcessed(WAIT)).as("processor caught up").isTrue();

    assertThat(after.seen()).containsExactly("entry L-resume #3 = 3", "entry L-resume #4 = 4");
  }

  @Test
  void resetTokens_replaysEveryEventIntoAClearedProjection() throws Exception {
    LedgerProjection projection = new LedgerProjection();
    StrataRuntime runtime = runtime(projection);
    runtime.commandGateway().sendAndWait(new OpenLedger("L-replay", OPENED));
    for (int i = 1; i <= 4; i++) {
      runtime.commandGateway().sendAndWait(new RecordEntry("L-replay", i));
    }
    assertThat(runtime.awaitProcessed(WAIT)).as("processor caught up").isTrue();
    List<String> live = projection.seen();
    assertThat(live).hasSize(5).startsWith("opened L-replay at " + OPENED);

    runtime.replay(LedgerProjection.GROUP);

    Eventually.await(
        "the projection is reset once and refilled",
        WAIT,
        () -> projection.resets() == 1 && projection.seen().size() == live.size(),
        projection::seen);
    assertThat(runtime.awaitProcessed(WAIT)).as("replay finished").isTrue();
    assertThat(projection.seen()).isEqualTo(live);
    assertThat(projection.resets()).isEqualTo(1);
  }

  @Test
  void eventsAppendedByAnotherRuntime_reachThisRuntimesProcessors() throws Exception {
    LedgerProjection projection = new LedgerProjection();
    runtime(projection);
    StrataRuntime writer = runtime();

    writer.commandGateway().sendAndWait(new OpenLedger("L-remote", OPENED));
    writer.commandGateway().sendAndWait(new RecordEntry("L-remote", 9));

    Eventually.await(
        "the other runtime's events are handled",
        WAIT,
        () -> projection.seen().size() == 2,
        projection::seen);
    assertThat(projection.seen())
        .containsExactly("opened L-remote at " + OPENED, "entry L-remote #1 = 9");
  }

  @Test
  void health_reportsTheStoreHeadAndEveryProcessorRunning() throws Exception {
    StrataRuntime runtime = runtime(new LedgerProjection());
    runtime.commandGateway().sendAndWait(new OpenLedger("L-health", OPENED));
    assertThat(runtime.awaitProcessed(WAIT)).as("caught up: %s", runtime.health()).isTrue();

    HealthReport report = runtime.health();

    assertThat(report.healthy()).isTrue();
    assertThat(report.eventStore().reachable()).isTrue();
    assertThat(report.eventStore().headIndex()).isEqualTo(1);
    assertThat(report.processors())
        .extracting(ProcessorHealth::name, ProcessorHealth::running, ProcessorHealth::error)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                LedgerProjection.GROUP, true, java.util.Optional.empty()));
  }

  private static DomainEventMessage<EntryRecorded> entry(String ledger, int number, long amount) {
    return new GenericDomainEventMessage<>(
        "LedgerAggregate", ledger, number, new EntryRecorded(ledger, number, new Amount(amount)));
  }

  private static List<Object> payloads(StrataRuntime runtime, String aggregateId) {
    return runtime
        .eventStore()
        .readEvents(aggregateId)
        .asStream()
        .map(m -> (Object) m.getPayload())
        .toList();
  }

  private static List<Object> readAll(StrataRuntime runtime, int count) throws Exception {
    List<Object> payloads = new ArrayList<>();
    try (BlockingStream<TrackedEventMessage<?>> stream = runtime.eventStore().openStream(null)) {
      while (payloads.size() < count && stream.hasNextAvailable(5, TimeUnit.SECONDS)) {
        payloads.add(stream.nextAvailable().getPayload());
      }
    }
    return payloads;
  }
}
