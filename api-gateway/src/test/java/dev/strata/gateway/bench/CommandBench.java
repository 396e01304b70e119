package dev.strata.gateway.bench;

import dev.strata.domain.run.api.ReceiveTrigger;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.gateway.boot.GatewayModule;
import dev.strata.gateway.core.RunIds;
import dev.strata.runtime.DomainModule;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StrataConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Times {@code ReceiveTrigger} on the runtime alone (no HTTP): {@code args[0]} data directory,
 * {@code args[1]} commands, {@code args[2]} in flight, optional {@code args[3]} JDBC URL. Prints
 * the rate and the process CPU time per command.
 */
public final class CommandBench {
  private CommandBench() {}

  public static void main(String[] args) throws Exception {
    StrataConfig config = StrataConfig.defaults().withDataDir(Path.of(args[0]));
    if (args.length > 3) {
      config = config.withDatabase(StrataConfig.Database.of(args[3], "strata", "strata"));
    }
    int count = Integer.parseInt(args[1]);
    int inFlight = Integer.parseInt(args[2]);
    try (StrataRuntime runtime =
        StrataRuntime.builder(config)
            .install(new DomainModule())
            .install(new GatewayModule())
            .registerCommandHandler(
                c -> new BatchHandler(c.repository(dev.strata.domain.run.model.BuildRun.class)))
            .build()
            .start()) {
      CommandGateway gateway = runtime.configuration().commandGateway();
      run(gateway, "warm", 500, inFlight);
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      run(gateway, "main" + System.nanoTime(), count, inFlight);
      long wall = System.nanoTime() - t0;
      long cpu = os.getProcessCpuTime() - cpu0;
      System.out.printf(
          "commands=%d inFlight=%d wall=%.2fs rate=%.0f/s cpu/command=%.2fms%n",
          count, inFlight, wall / 1e9, count / (wall / 1e9), cpu / 1e6 / count);
    }
  }

  /** A batch. */
  public record Batch(List<ReceiveTrigger> commands) {}

  /** Handles a batch in one unit of work. */
  public static final class BatchHandler {
    private final org.axonframework.modelling.command.Repository<
            dev.strata.domain.run.model.BuildRun>
        repo;

    BatchHandler(
        org.axonframework.modelling.command.Repository<dev.strata.domain.run.model.BuildRun> repo) {
      this.repo = repo;
    }

    @org.axonframework.commandhandling.CommandHandler
    public void handle(Batch b) throws Exception {
      for (ReceiveTrigger c : b.commands()) {
        repo.newInstance(() -> new dev.strata.domain.run.model.BuildRun(c));
      }
    }
  }

  private static void run(CommandGateway gateway, String prefix, int count, int inFlight)
      throws Exception {
    int batch = Integer.getInteger("batch", 1);
    if (batch > 1) {
      runBatched(gateway, prefix, count, inFlight, batch);
      return;
    }
    Semaphore permits = new Semaphore(inFlight);
    Repository repo = Repository.parse("mudler/LocalAI");
    CommitSha before = CommitSha.parse("0".repeat(40));
    CompletableFuture<?>[] all = new CompletableFuture<?>[count];
    for (int i = 0; i < count; i++) {
      permits.acquire();
      String delivery = prefix + "-" + i;
      String sha = String.format("%040x", (long) i + 1);
      ReceiveTrigger cmd =
          new ReceiveTrigger(
              RunIds.forDelivery(delivery),
              Trigger.push(repo, "master", before, CommitSha.parse(sha), false),
              delivery,
              "g-" + sha,
              List.of("backend"),
              true,
              Instant.now());
      all[i] = gateway.send(cmd).whenComplete((ok, err) -> permits.release());
    }
    CompletableFuture.allOf(all).join();
  }

  private static void runBatched(
      CommandGateway gateway, String prefix, int count, int inFlight, int batch) throws Exception {
    Semaphore permits = new Semaphore(Math.max(1, inFlight / batch));
    Repository repo = Repository.parse("mudler/LocalAI");
    CommitSha before = CommitSha.parse("0".repeat(40));
    List<CompletableFuture<?>> all = new java.util.ArrayList<>();
    List<ReceiveTrigger> cur = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      String delivery = prefix + "-" + i;
      String sha = String.format("%040x", (long) i + 1);
      cur.add(
          new ReceiveTrigger(
              RunIds.forDelivery(delivery),
              Trigger.push(repo, "master", before, CommitSha.parse(sha), false),
              delivery,
              "g-" + sha,
              List.of("backend"),
              true,
              Instant.now()));
      if (cur.size() == batch) {
        permits.acquire();
        all.add(
            gateway
                .send(new Batch(List.copyOf(cur)))
                .whenComplete(
                    (ok, err) -> {
                      if (err != null) err.printStackTrace();
                      permits.release();
                    }));
        cur.clear();
      }
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
  }
}
