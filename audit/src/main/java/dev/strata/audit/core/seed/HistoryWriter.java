package dev.strata.audit.core.seed;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Sends run scripts through the command bus, i.e. through the real aggregates: each script in one
 * unit of work (one transaction, one batched append of all its events), several scripts at once on
 * worker threads. Runs are independent aggregates, so scripts never contend for one.
 */
public final class HistoryWriter implements AutoCloseable {

  private final CommandBus bus;
  private final TransactionManager transactions;
  private final ExecutorService workers;
  private final AtomicLong scripts = new AtomicLong();
  private final AtomicLong commands = new AtomicLong();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

  public HistoryWriter(CommandBus bus, TransactionManager transactions, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException(
          "Invalid thread count " + threads + ": expected 1 or more");
    }
    this.bus = bus;
    this.transactions = transactions;
    // a short queue and caller-runs: the generator never races far ahead of the database
    this.workers =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(threads * 4),
            r -> {
              Thread t = new Thread(r, "strata-seed");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** Queues {@code script}; a failure of an earlier script is thrown here. */
  public void write(RunScript script) {
    rethrow();
    workers.execute(
        () -> {
          if (failure.get() == null) {
            try {
              execute(script);
            } catch (RuntimeException e) {
              failure.compareAndSet(null, e);
            }
          }
        });
  }

  /** Sends every command of {@code script} in one unit of work, now, on this thread. */
  public void execute(RunScript script) {
    UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(new GenericMessage<>(script.name()));
    uow.attachTransaction(transactions);
    try {
      for (Object command : script.commands()) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
          throw new IllegalStateException(
              "Tried to seed "
                  + script.name()
                  + " but failed because: "
                  + command.getClass().getSimpleName()
                  + " was refused: "
                  + result.exceptionResult().getMessage(),
              result.exceptionResult());
        }
      }
      uow.commit();
    } catch (RuntimeException e) {
      if (uow.isActive()) {
        uow.rollback(e);
      }
      throw e;
    }
    scripts.incrementAndGet();
    commands.addAndGet(script.commands().size());
  }

  /** Waits for every queued script and throws the first failure. */
  public void finish() throws InterruptedException {
    workers.shutdown();
    if (!workers.awaitTermination(1, TimeUnit.HOURS)) {
      throw new IllegalStateException(
          "Tried to finish seeding but failed because: it took an hour");
    }
    rethrow();
  }

  public long scriptsWritten() {
    return scripts.get();
  }

  public long commandsSent() {
    return commands.get();
  }

  private void rethrow() {
    RuntimeException e = failure.get();
    if (e != null) {
      throw e;
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
