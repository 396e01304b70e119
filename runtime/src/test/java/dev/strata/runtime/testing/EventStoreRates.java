package dev.strata.runtime.testing;

import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StrataConfig;
import dev.strata.runtime.contract.LedgerAggregate;
import dev.strata.runtime.contract.LedgerMessages.LedgerOpened;
import dev.strata.runtime.contract.LedgerMessages.OpenLedger;
import dev.strata.runtime.contract.LedgerProjection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

/**
 * Ad-hoc measurement, not a test: append rate (one event per transaction, through commands), replay
 * rate and the latency of one event hop between two runtimes, on H2 and PostgreSQL.
 *
 * <p>Run: {@code java -cp <test classpath> dev.strata.runtime.testing.EventStoreRates [events
 * [batchSize [h2|pg]]]}.
 */
public final class EventStoreRates {

  private static final Instant AT = Instant.parse("2026-11-28T00:00:00Z");

  private EventStoreRates() {}

  /** Receives events and records how long each took to arrive. */
  @ProcessingGroup("rates-hop")
  public static final class HopProbe {
    private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());

    @EventHandler
    void on(LedgerOpened event, @Timestamp Instant appended) {
      micros.add(Duration.between(appended, Instant.now()).toNanos() / 1000);
    }
  }

  /** Prints the rates for H2 and PostgreSQL. */
  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int batchSize =
        args.length > 1 ? Integer.parseInt(args[1]) : StrataConfig.Processors.DEFAULT_BATCH_SIZE;
    StrataConfig.Processors processors =
        new StrataConfig.Processors(TestDatabases.TEST_FETCH_DELAY_MILLIS, batchSize);
    System.out.println("processor batch size " + batchSize);
    String only = args.length > 2 ? args[2] : "both";
    if (!only.equals("pg")) {
      Path h2Dir = Files.createTempDirectory("strata-rates");
      measure("H2", TestDatabases.h2(h2Dir).withProcessors(processors), events);
    }
    if (only.equals("h2")) {
      return;
    }
    try (TestDatabases.PostgresSchema schema = TestDatabases.freshPostgresSchema()) {
      measure(
          "PostgreSQL",
          schema.config(Files.createTempDirectory("strata-rates")).withProcessors(processors),
          events);
    }
  }

  private static void measure(String name, StrataConfig config, int events) throws Exception {
    try (StrataRuntime runtime =
        StrataRuntime.builder(config).registerAggregate(LedgerAggregate.class).build().start()) {
      for (int i = 0; i < 200; i++) { // warm-up
        runtime.commandGateway().sendAndWait(new OpenLedger("warm-" + i, AT));
      }
      long start = System.nanoTime();
      for (int i = 0; i < events; i++) {
        runtime.commandGateway().sendAndWait(new OpenLedger("seq-" + i, AT));
      }
      report(name, "sequential appends", events, start);

      ExecutorService pool = Executors.newFixedThreadPool(4);
      start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < events / 4; i++) {
                    runtime
                        .commandGateway()
                        .sendAndWait(new OpenLedger("par-" + thread + "-" + i, AT));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      report(name, "appends with 4 threads", events / 4 * 4, start);
    }

    LedgerProjection projection = new LedgerProjection();
    try (StrataRuntime runtime =
        StrataRuntime.builder(config).registerEventHandler(projection).build().start()) {
      long start = System.nanoTime();
      runtime.awaitProcessed(Duration.ofMinutes(5));
      int total = projection.seen().size();
      report(name, "first catch-up", total, start);
      start = System.nanoTime();
      runtime.replay(LedgerProjection.GROUP);
      while (projection.resets() < 1 || projection.seen().size() < total) {
        Thread.sleep(1);
      }
      report(name, "replay after reset", total, start);
    }
    hops(name, config);
  }

  private static void hops(String name, StrataConfig config) throws Exception {
    HopProbe probe = new HopProbe();
    try (StrataRuntime reader =
            StrataRuntime.builder(config).registerEventHandler(probe).build().start();
        StrataRuntime writer =
            StrataRuntime.builder(config)
                .registerAggregate(LedgerAggregate.class)
                .build()
                .start()) {
      reader.awaitProcessed(Duration.ofMinutes(5));
      probe.micros.clear();
      for (int i = 0; i < 200; i++) {
        writer.commandGateway().sendAndWait(new OpenLedger("hop-" + i, AT));
        Thread.sleep(7); // spread sends over the poll cycle
      }
      reader.awaitProcessed(Duration.ofMinutes(1));
      List<Long> sorted = new ArrayList<>(probe.micros);
      Collections.sort(sorted);
      System.out.printf(
          "%-10s hop between runtimes (fetchDelay %d ms): p50 %.1f ms, p95 %.1f ms (n=%d)%n",
          name,
          config.processors().fetchDelayMillis(),
          sorted.get(sorted.size() / 2) / 1000.0,
          sorted.get(sorted.size() * 95 / 100) / 1000.0,
          sorted.size());
    }
  }

  private static void report(String name, String what, int count, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf(
        "%-10s %-24s %6d in %6.2f s = %7.0f/s%n", name, what, count, seconds, count / seconds);
  }
}
