package dev.strata.gateway.boot;

import dev.strata.runtime.RuntimeModule;
import dev.strata.runtime.StrataRuntimeBuilder;

/**
 * The gateway's parts for a {@link dev.strata.runtime.StrataRuntime}: its aggregates and projection
 * (see {@link GatewayRole#configure}), and an asynchronous command bus so that HTTP event loops
 * never run a command handler. Install it with the {@code DomainModule}, build and start the
 * runtime, then {@link GatewayRole#start}.
 */
public final class GatewayModule implements RuntimeModule {
  private final int commandThreads;

  public GatewayModule() {
    this(4);
  }

  public GatewayModule(int commandThreads) {
    this.commandThreads = commandThreads;
  }

  @Override
  public void contributeTo(StrataRuntimeBuilder builder) {
    builder.asynchronousCommandBus(commandThreads).configureAxon(GatewayRole::configure);
  }
}
