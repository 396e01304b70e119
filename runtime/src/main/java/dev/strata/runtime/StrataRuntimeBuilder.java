package dev.strata.runtime;

import dev.strata.runtime.config.ConfigException;
import dev.strata.runtime.config.StrataConfig;
import dev.strata.runtime.jdbc.EventStoreDatabase;
import dev.strata.runtime.jdbc.JdbcTransactionManager;
import dev.strata.runtime.serialization.StrataSerializers;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.LoggingDuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.lifecycle.Phase;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;

/**
 * Puts a {@link StrataRuntime} together: services register their parts (directly or as a {@link
 * RuntimeModule}), then {@link #build()} opens the database, creates the tables when absent and
 * builds the Axon configuration. Registration methods do no I/O.
 */
public final class StrataRuntimeBuilder {

  private static final AtomicInteger NODES = new AtomicInteger();
  private static final String QUIET_CONSOLE_PROPERTY = "disable-axoniq-console-message";

  private final StrataConfig config;
  private final List<Consumer<Configurer>> registrations = new ArrayList<>();
  private int commandThreads;

  StrataRuntimeBuilder(StrataConfig config) {
    this.config = config;
  }

  /** Lets {@code module} register its parts. */
  public StrataRuntimeBuilder install(RuntimeModule module) {
    module.contributeTo(this);
    return this;
  }

  /** Registers an event-sourced aggregate (its command handlers included). */
  public StrataRuntimeBuilder registerAggregate(Class<?> aggregateType) {
    registrations.add(c -> c.configureAggregate(aggregateType));
    return this;
  }

  /**
   * Registers an event handler object. Its class must carry {@code @ProcessingGroup}: the group
   * names its tracking processor and token.
   */
  public StrataRuntimeBuilder registerEventHandler(Object handler) {
    requireProcessingGroup(handler.getClass());
    registrations.add(c -> c.registerEventHandler(conf -> handler));
    return this;
  }

  /**
   * Registers an event handler of {@code type} (annotated {@code @ProcessingGroup}) built lazily.
   */
  public <T> StrataRuntimeBuilder registerEventHandler(
      Class<T> type, Function<Configuration, ? extends T> factory) {
    requireProcessingGroup(type);
    registrations.add(c -> c.registerEventHandler(factory::apply));
    return this;
  }

  /** Registers an object with {@code @CommandHandler} methods, built lazily. */
  public StrataRuntimeBuilder registerCommandHandler(Function<Configuration, Object> factory) {
    registrations.add(c -> c.registerCommandHandler(factory));
    return this;
  }

  /** Registers a component other parts look up with {@code Configuration.getComponent}. */
  public <C> StrataRuntimeBuilder registerComponent(
      Class<C> type, Function<Configuration, ? extends C> factory) {
    registrations.add(c -> c.registerComponent(type, factory));
    return this;
  }

  /**
   * Runs command handlers (and their transactions) on {@code threads} worker threads, so that
   * {@code send} returns at once. The gateway needs this: its event loop must not block.
   */
  public StrataRuntimeBuilder asynchronousCommandBus(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException(
          "Invalid command thread count " + threads + ": expected 1 or more");
    }
    this.commandThreads = threads;
    return this;
  }

  /** Runs command handlers on the sending thread (the default; fit for tests and CLI tools). */
  public StrataRuntimeBuilder simpleCommandBus() {
    this.commandThreads = 0;
    return this;
  }

  /** Applies {@code customizer} to Axon's configurer after Strata's own settings. */
  public StrataRuntimeBuilder configureAxon(Consumer<Configurer> customizer) {
    registrations.add(customizer);
    return this;
  }

  /**
   * Opens the database, creates missing tables and builds the (not yet started) runtime.
   *
   * @throws ConfigException when the data directory is unwritable or the database unreachable
   */
  public StrataRuntime build() throws ConfigException {
    if (System.getProperty(QUIET_CONSOLE_PROPERTY) == null) {
      // Axon prints an AxonIQ Console advertisement at every start otherwise
      System.setProperty(QUIET_CONSOLE_PROPERTY, "true");
    }
    EventStoreDatabase database = EventStoreDatabase.open(config);
    try {
      EventSchema schema = new EventSchema();
      TokenSchema tokenSchema = TokenSchema.builder().build();
      database.createSchemaIfAbsent(schema, tokenSchema);
      JoinableThreadFactory storeThreads =
          new JoinableThreadFactory(new AxonThreadFactory("strata-event-store"));
      Configurer configurer = configurer(database, schema, tokenSchema, storeThreads);
      registrations.forEach(r -> r.accept(configurer));
      return new StrataRuntime(
          config, database, schema, configurer.buildConfiguration(), storeThreads);
    } catch (ConfigException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private Configurer configurer(
      EventStoreDatabase database,
      EventSchema schema,
      TokenSchema tokenSchema,
      JoinableThreadFactory storeThreads) {
    JdbcTransactionManager tx = database.transactionManager();
    Serializer serializer = StrataSerializers.jackson();
    String nodeId = ManagementFactory.getRuntimeMXBean().getName() + "#" + NODES.incrementAndGet();

    // false: no ServiceLoader modules, i.e. no AxonIQ update checker phoning home
    Configurer configurer = DefaultConfigurer.defaultConfiguration(false);
    configurer
        .configureSerializer(c -> serializer)
        .configureEventSerializer(c -> serializer)
        .configureMessageSerializer(c -> serializer)
        .registerComponent(TransactionManager.class, c -> tx)
        .registerComponent(
            EventStorageEngine.class,
            c ->
                JdbcEventStorageEngine.builder()
                    .connectionProvider(tx)
                    .transactionManager(tx)
                    .schema(schema)
                    .eventSerializer(c.eventSerializer())
                    .snapshotSerializer(c.serializer())
                    .upcasterChain(c.upcasterChain())
                    .persistenceExceptionResolver(database.persistenceExceptionResolver())
                    .build())
        .configureEventStore(c -> eventStore(c, storeThreads))
        .configureCommandBus(this::commandBus);
    configurer
        .eventProcessing()
        .usingTrackingEventProcessors()
        .registerTokenStore(
            c ->
                JdbcTokenStore.builder()
                    .connectionProvider(tx)
                    .serializer(c.serializer())
                    .schema(tokenSchema)
                    .nodeId(nodeId)
                    .contentType(byte[].class)
                    .build())
        .registerTrackingEventProcessorConfiguration(
            c ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                    .andBatchSize(config.processors().batchSize()))
        // a failing handler puts its processor in error mode (retried with back-off, visible in
        // the health report) instead of being logged and skipped
        .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    return configurer;
  }

  private EventStore eventStore(Configuration c, JoinableThreadFactory storeThreads) {
    return EmbeddedEventStore.builder()
        .storageEngine(c.getComponent(EventStorageEngine.class))
        .messageMonitor(c.messageMonitor(EventStore.class, "eventStore"))
        .spanFactory(c.getComponent(EventBusSpanFactory.class))
        .fetchDelay(config.processors().fetchDelayMillis())
        .timeUnit(TimeUnit.MILLISECONDS)
        .threadFactory(storeThreads)
        .build();
  }

  private CommandBus commandBus(Configuration c) {
    SimpleCommandBus bus;
    if (commandThreads > 0) {
      AsynchronousCommandBus async =
          AsynchronousCommandBus.builder()
              .executor(
                  Executors.newFixedThreadPool(
                      commandThreads, new AxonThreadFactory("strata-commands")))
              .transactionManager(c.getComponent(TransactionManager.class))
              .duplicateCommandHandlerResolver(duplicateResolver(c))
              .spanFactory(c.getComponent(CommandBusSpanFactory.class))
              .messageMonitor(c.messageMonitor(AsynchronousCommandBus.class, "commandBus"))
              .build();
      c.onShutdown(Phase.INBOUND_COMMAND_CONNECTOR, async::shutdown);
      bus = async;
    } else {
      bus =
          SimpleCommandBus.builder()
              .transactionManager(c.getComponent(TransactionManager.class))
              .duplicateCommandHandlerResolver(duplicateResolver(c))
              .spanFactory(c.getComponent(CommandBusSpanFactory.class))
              .messageMonitor(c.messageMonitor(SimpleCommandBus.class, "commandBus"))
              .build();
    }
    bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(c.correlationDataProviders()));
    return bus;
  }

  private static DuplicateCommandHandlerResolver duplicateResolver(Configuration c) {
    return c.getComponent(
        DuplicateCommandHandlerResolver.class, LoggingDuplicateCommandHandlerResolver::instance);
  }

  private static void requireProcessingGroup(Class<?> type) {
    if (!type.isAnnotationPresent(ProcessingGroup.class)) {
      throw new IllegalArgumentException(
          "Tried to register event handler "
              + type.getName()
              + " but failed because: it has no @ProcessingGroup; annotate the class with"
              + " @ProcessingGroup(\"<service>-<purpose>\") to name its processor and token");
    }
  }
}
