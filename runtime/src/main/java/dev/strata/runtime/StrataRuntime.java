package dev.strata.runtime;

import dev.strata.runtime.config.StrataConfig;
import dev.strata.runtime.health.HealthCheck;
import dev.strata.runtime.health.HealthReport;
import dev.strata.runtime.health.ProcessorHealth;
import dev.strata.runtime.jdbc.EventStoreDatabase;
import dev.strata.runtime.jdbc.JdbcTransactionManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * One process's Axon runtime: event store and token store on one database, Jackson serializer, JDBC
 * transactions, a command bus, the registered aggregates, and event handlers running in tracking
 * processors. Build it with {@link #builder(StrataConfig)}, then {@link #start()}; {@link #close()}
 * stops it and closes the database.
 *
 * <p>Each {@code @ProcessingGroup} becomes one single-threaded tracking processor of that name
 * whose token lives in the same database, so a restarted process resumes where it stopped, and
 * processes sharing a PostgreSQL store see each other's events within about one fetch delay.
 */
public final class StrataRuntime implements AutoCloseable {

  private final StrataConfig config;
  private final EventStoreDatabase database;
  private final EventSchema schema;
  private final Configuration configuration;
  private final JoinableThreadFactory storeThreads;
  private boolean closed;

  StrataRuntime(
      StrataConfig config,
      EventStoreDatabase database,
      EventSchema schema,
      Configuration configuration,
      JoinableThreadFactory storeThreads) {
    this.config = config;
    this.database = database;
    this.schema = schema;
    this.configuration = configuration;
    this.storeThreads = storeThreads;
  }

  /** A builder for a runtime over {@code config}. */
  public static StrataRuntimeBuilder builder(StrataConfig config) {
    return new StrataRuntimeBuilder(Objects.requireNonNull(config, "config"));
  }

  /** Starts the command bus, event store reader and every processor. */
  public StrataRuntime start() {
    configuration.start();
    return this;
  }

  /** Stops processors and buses, then closes the database. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      configuration.shutdown();
      storeThreads.joinAll(Duration.ofSeconds(5));
    } finally {
      database.close();
    }
  }

  /**
   * Replays the processor {@code name} from the first event: shuts it down, resets its tokens (its
   * {@code @ResetHandler}s clear their state) and starts it again. No other process may run the
   * same processor meanwhile.
   *
   * @throws IllegalArgumentException when there is no tracking processor of that name
   */
  public void replay(String name) {
    TrackingEventProcessor processor = trackingProcessor(name);
    processor.shutDown();
    processor.resetTokens();
    processor.start();
  }

  /**
   * Waits until every tracking processor has processed every event stored when the wait began.
   *
   * @return whether they caught up within {@code timeout}
   */
  public boolean awaitProcessed(Duration timeout) throws InterruptedException {
    long head;
    try {
      head = database.headIndex(schema);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Tried to read the event store head at "
              + database.displayUrl()
              + " but failed because: "
              + e.getMessage(),
          e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<ProcessorHealth> processors = health().processors();
      boolean caughtUp = processors.stream().allMatch(p -> p.position().orElse(-1) >= head);
      if (caughtUp) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
  }

  /** Names of every tracking processor, sorted. */
  public List<String> trackingProcessors() {
    return configuration.eventProcessingConfiguration().eventProcessors().values().stream()
        .filter(TrackingEventProcessor.class::isInstance)
        .map(p -> p.getName())
        .sorted()
        .collect(Collectors.toList());
  }

  /** The tracking processor {@code name}. */
  public TrackingEventProcessor trackingProcessor(String name) {
    return configuration
        .eventProcessingConfiguration()
        .eventProcessor(name, TrackingEventProcessor.class)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Tried to find tracking processor '"
                        + name
                        + "' but failed because: there is none; known: "
                        + trackingProcessors()));
  }

  /** Checks the event store and every tracking processor now. */
  public HealthReport health() {
    return new HealthCheck(database, schema, configuration.eventProcessingConfiguration()).check();
  }

  /**
   * Sends commands (asynchronously on the {@link StrataRuntimeBuilder#asynchronousCommandBus}
   * threads).
   */
  public CommandGateway commandGateway() {
    return configuration.commandGateway();
  }

  /** The event store (also the event bus). */
  public EventStore eventStore() {
    return configuration.eventStore();
  }

  /** The Axon configuration, for what this class does not expose. */
  public Configuration configuration() {
    return configuration;
  }

  /** The configuration this runtime was built from. */
  public StrataConfig config() {
    return config;
  }

  /** The database behind the event store ({@link EventStoreDatabase#displayUrl()} says where). */
  public EventStoreDatabase database() {
    return database;
  }

  /** The transaction manager, for work that must share the event store's transaction. */
  public JdbcTransactionManager transactionManager() {
    return database.transactionManager();
  }
}
