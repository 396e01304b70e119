package dev.strata.merge.boot;

import dev.strata.merge.adapter.registry.HttpImageRegistry;
import dev.strata.merge.core.IndexPublisher;
import dev.strata.merge.core.KeepaliveCleaner;
import dev.strata.merge.core.MergeProcessor;
import dev.strata.merge.core.PublishingRules;
import dev.strata.merge.core.RunLedger;
import dev.strata.merge.port.ImageRegistry;
import dev.strata.runtime.RuntimeModule;
import dev.strata.runtime.StrataRuntimeBuilder;
import dev.strata.runtime.registry.RegistryTransport;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.axonframework.config.Configuration;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merge role: its {@link MergeProcessor} (tracking processor {@value
 * MergeProcessor#PROCESSING_GROUP}) over the registry adapter. Before the processors start, the
 * processor's ledger reads the whole event log, so that decisions about a run consider every later
 * event and the last digests of every ref, whatever the processor's token.
 */
public final class MergeModule implements RuntimeModule {
  private static final Logger LOG = LoggerFactory.getLogger(MergeModule.class);

  private final ImageRegistry registry;
  private final PublishingRules rules;
  private final Clock clock;

  /** The merge role over real registries, as {@code settings} configure them. */
  public MergeModule(MergeSettings settings) {
    this(
        new HttpImageRegistry(
            new RegistryTransport(
                settings.credentials(),
                settings.retry(),
                settings.insecureHosts(),
                settings.timeout(),
                Clock.systemUTC())),
        new ProfilePublishingRules(settings),
        Clock.systemUTC());
  }

  /** The merge role over any registry and rules (tests, benchmarks). */
  public MergeModule(ImageRegistry registry, PublishingRules rules, Clock clock) {
    this.registry = registry;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public void contributeTo(StrataRuntimeBuilder builder) {
    RunLedger ledger = new RunLedger();
    AtomicReference<MergeProcessor> built = new AtomicReference<>();
    Function<Configuration, MergeProcessor> processor =
        c ->
            built.updateAndGet(
                existing ->
                    existing != null
                        ? existing
                        : new MergeProcessor(
                            ledger,
                            rules,
                            new IndexPublisher(registry),
                            new KeepaliveCleaner(registry),
                            c.commandGateway(),
                            clock));
    builder.registerEventHandler(MergeProcessor.class, processor);
    builder.configureAxon(
        configurer ->
            configurer.onInitialize(
                c ->
                    c.onStart(
                        Phase.INBOUND_EVENT_CONNECTORS - 1,
                        () -> {
                          long read =
                              EventLogReader.readAll(c.eventStore(), processor.apply(c)::warmUp);
                          LOG.info("Merge ledger read {} events before the processors start", read);
                        })));
  }
}
