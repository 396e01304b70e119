package dev.strata.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

/**
 * Remembers the threads it made so that shutdown can wait for them: Axon's embedded event store
 * stops its reader thread without waiting, and closing the pool under a running query logs a
 * broken-connection warning.
 */
final class JoinableThreadFactory implements ThreadFactory {

  private final ThreadFactory delegate;
  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  JoinableThreadFactory(ThreadFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = delegate.newThread(task);
    threads.add(thread);
    return thread;
  }

  /** Waits up to {@code timeout} in total for every thread made so far to end. */
  void joinAll(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (Thread thread : threads) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try {
        thread.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
