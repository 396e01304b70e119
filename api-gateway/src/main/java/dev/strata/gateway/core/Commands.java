package dev.strata.gateway.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Sends commands without blocking the caller. With Axon's {@code AsynchronousCommandBus} the
 * handler and its transaction already run on the bus's threads; with a synchronous bus the send
 * itself is moved to {@code offload}, so an HTTP event loop never runs a command handler.
 */
public final class Commands {
  private final CommandGateway gateway;
  private final Executor offload;

  /**
   * @param gateway Axon's command gateway
   * @param offload where to send from when the bus is synchronous, or null when it is asynchronous
   */
  public Commands(CommandGateway gateway, Executor offload) {
    this.gateway = gateway;
    this.offload = offload;
  }

  /** Sends {@code command}; the future carries the handler's result or its exception. */
  public <R> CompletableFuture<R> send(Object command) {
    if (offload == null) {
      return gateway.send(command);
    }
    return CompletableFuture.supplyAsync(() -> gateway.<R>send(command), offload)
        .thenCompose(f -> f);
  }

  /** The exception a handler threw, without the wrappers futures add. */
  public static Throwable cause(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
