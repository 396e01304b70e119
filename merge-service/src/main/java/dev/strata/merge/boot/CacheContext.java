package dev.strata.merge.boot;

import dev.strata.domain.image.api.ImageRef;
import dev.strata.merge.adapter.registry.HttpImageRegistry;
import dev.strata.merge.core.CacheInventory;
import dev.strata.merge.port.ImageRegistry;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.registry.RegistryTransport;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * What the {@code strata cache} commands work with: a registry client, the event log (read into a
 * {@link CacheInventory}), a command gateway to record evictions, and the cache repositories to
 * look at by default. Closing it closes what it was opened over.
 */
public final class CacheContext implements AutoCloseable {
  private final ImageRegistry registry;
  private final CommandGateway commands;
  private final EventStore events;
  private final List<ImageRef> cacheRepositories;
  private final Clock clock;
  private final Runnable onClose;

  public CacheContext(
      ImageRegistry registry,
      CommandGateway commands,
      EventStore events,
      List<ImageRef> cacheRepositories,
      Clock clock,
      Runnable onClose) {
    this.registry = registry;
    this.commands = commands;
    this.events = events;
    this.cacheRepositories = List.copyOf(cacheRepositories);
    this.clock = clock;
    this.onClose = onClose;
  }

  /**
   * A context over a started {@code runtime} (with the domain module installed, so that {@code
   * EvictCache} is handled) and the merge settings; closing it closes the runtime.
   */
  public static CacheContext over(StrataRuntime runtime, MergeSettings settings) {
    Set<ImageRef> repositories = new LinkedHashSet<>();
    settings.pipelines().values().forEach(p -> repositories.add(p.naming().cacheRepo()));
    return new CacheContext(
        new HttpImageRegistry(
            new RegistryTransport(
                settings.credentials(),
                settings.retry(),
                settings.insecureHosts(),
                settings.timeout(),
                Clock.systemUTC())),
        runtime.commandGateway(),
        runtime.eventStore(),
        List.copyOf(repositories),
        Clock.systemUTC(),
        runtime::close);
  }

  /** Opens a context; the launcher supplies one that loads its configuration. */
  @FunctionalInterface
  public interface Opener {
    CacheContext open() throws Exception;
  }

  public ImageRegistry registry() {
    return registry;
  }

  public CommandGateway commands() {
    return commands;
  }

  public List<ImageRef> cacheRepositories() {
    return cacheRepositories;
  }

  public Clock clock() {
    return clock;
  }

  /** The cache inventory as of now, read from the whole log. */
  public CacheInventory inventory() {
    CacheInventory inventory = new CacheInventory();
    EventLogReader.readAll(events, (payload, token) -> inventory.apply(payload));
    return inventory;
  }

  @Override
  public void close() {
    onClose.run();
  }
}
