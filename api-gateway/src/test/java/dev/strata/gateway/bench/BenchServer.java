package dev.strata.gateway.bench;

import dev.strata.gateway.boot.GatewayModule;
import dev.strata.gateway.boot.GatewayOptions;
import dev.strata.gateway.boot.GatewayRole;
import dev.strata.gateway.boot.RunningGateway;
import dev.strata.runtime.DomainModule;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StrataConfig;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded platform for {@code api-gateway/src/bench/run.sh}: a Strata runtime on an H2 file
 * store in {@code args[0]} and the gateway on port {@code args[1]}, with the benchmark's tokens.
 * Prints {@code READY <port>} and runs until killed.
 */
public final class BenchServer {
  private BenchServer() {}

  public static void main(String[] args) throws Exception {
    StrataRuntime runtime =
        StrataRuntime.builder(StrataConfig.defaults().withDataDir(Path.of(args[0])))
            .install(new DomainModule())
            .install(new GatewayModule())
            .build()
            .start();
    RunningGateway gateway =
        GatewayRole.start(
            runtime.configuration(),
            GatewayOptions.builder()
                .port(Integer.parseInt(args[1]))
                .token("ci", "bench-ci")
                .token("admin", "bench-admin")
                .token("agent", "bench-agent")
                .build());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  gateway.close();
                  runtime.close();
                }));
    System.out.println("READY " + gateway.port());
    new CountDownLatch(1).await();
  }
}
