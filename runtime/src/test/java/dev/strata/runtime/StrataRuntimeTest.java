package dev.strata.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.runtime.config.ConfigException;
import dev.strata.runtime.config.StrataConfig;
import dev.strata.runtime.contract.LedgerAggregate;
import dev.strata.runtime.contract.LedgerMessages.LedgerOpened;
import dev.strata.runtime.contract.LedgerMessages.OpenLedger;
import dev.strata.runtime.contract.LedgerProjection;
import dev.strata.runtime.health.HealthReport;
import dev.strata.runtime.health.ProcessorHealth;
import dev.strata.runtime.testing.Eventually;
import dev.strata.runtime.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's wiring on the embedded H2 store: registration rules, errors, health. */
class StrataRuntimeTest {

  private static final Instant AT = Instant.parse("2026-11-28T00:00:00Z");

  @TempDir Path dataDir;

  @ProcessingGroup("test-failing")
  static class FailingHandler {
    @EventHandler
    void on(LedgerOpened event) {
      throw new IllegalStateException("projection broke on " + event.ledgerId());
    }
  }

  static class UngroupedHandler {
    @EventHandler
    void on(LedgerOpened event) {}
  }

  record Ping(String text) {}

  static class PingHandler {
    @CommandHandler
    String handle(Ping ping) {
      return ping.text() + " on " + Thread.currentThread().getName();
    }
  }

  @Test
  void eventHandlerWithoutProcessingGroup_isRejectedWithWhatToWrite() {
    StrataRuntimeBuilder builder = StrataRuntime.builder(TestDatabases.h2(dataDir));

    assertThatThrownBy(() -> builder.registerEventHandler(new UngroupedHandler()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(UngroupedHandler.class.getName())
        .hasMessageContaining("annotate the class with @ProcessingGroup");
  }

  @Test
  void failingHandler_putsItsProcessorInErrorAndTheReportSaysWhy() throws Exception {
    try (StrataRuntime runtime =
        StrataRuntime.builder(TestDatabases.h2(dataDir))
            .registerAggregate(LedgerAggregate.class)
            .registerEventHandler(new FailingHandler())
            .build()
            .start()) {
      runtime.commandGateway().sendAndWait(new OpenLedger("L-broken", AT));

      Eventually.await(
          "the processor reports the error",
          Duration.ofSeconds(20),
          () -> runtime.health().processors().get(0).error().isPresent(),
          runtime::health);
      HealthReport report = runtime.health();

      assertThat(report.healthy()).isFalse();
      assertThat(report.eventStore().reachable()).isTrue();
      ProcessorHealth processor = report.processors().get(0);
      assertThat(processor.name()).isEqualTo("test-failing");
      assertThat(processor.error()).hasValueSatisfying(e -> assertThat(e).contains("L-broken"));
    }
  }

  @Test
  void replayOfAnUnknownProcessor_namesTheKnownOnes() throws Exception {
    try (StrataRuntime runtime =
        StrataRuntime.builder(TestDatabases.h2(dataDir))
            .registerEventHandler(new LedgerProjection())
            .build()
            .start()) {
      assertThat(runtime.trackingProcessors()).containsExactly(LedgerProjection.GROUP);
      assertThatThrownBy(() -> runtime.replay("nope"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'nope'")
          .hasMessageContaining(LedgerProjection.GROUP);
    }
  }

  @Test
  void asynchronousCommandBus_runsHandlersOnCommandThreads() throws Exception {
    try (StrataRuntime runtime =
        StrataRuntime.builder(TestDatabases.h2(dataDir))
            .asynchronousCommandBus(2)
            .registerCommandHandler(c -> new PingHandler())
            .build()
            .start()) {
      CompletableFuture<String> reply = runtime.commandGateway().send(new Ping("pong"));

      assertThat(reply.get(10, TimeUnit.SECONDS)).startsWith("pong on strata-commands");
    }
  }

  @Test
  void modules_contributeTheirParts() throws Exception {
    LedgerProjection projection = new LedgerProjection();
    RuntimeModule ledger =
        builder ->
            builder.registerAggregate(LedgerAggregate.class).registerEventHandler(projection);

    try (StrataRuntime runtime =
        StrataRuntime.builder(TestDatabases.h2(dataDir)).install(ledger).build().start()) {
      runtime.commandGateway().sendAndWait(new OpenLedger("L-module", AT));
      assertThat(runtime.awaitProcessed(Duration.ofSeconds(20))).isTrue();

      assertThat(projection.seen()).containsExactly("opened L-module at " + AT);
    }
  }

  @Test
  void embeddedStore_livesInTheDataDirectory() throws Exception {
    try (StrataRuntime runtime = StrataRuntime.builder(TestDatabases.h2(dataDir)).build()) {
      assertThat(runtime.database().displayUrl())
          .contains(dataDir.resolve("strata-events").toString());
    }
    assertThat(dataDir.resolve("strata-events.mv.db")).exists();
  }

  @Test
  void unwritableDataDirectory_isOneLineNamingTheDirectory() throws Exception {
    Path file = Files.writeString(dataDir.resolve("not-a-dir"), "x");
    Path bad = file.resolve("var");

    assertThatThrownBy(() -> StrataRuntime.builder(TestDatabases.h2(bad)).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("Tried to use data directory " + bad + " but failed because:")
        .hasMessageContaining("not writable")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void unreachablePostgres_isOneLineNamingTheUrlWithoutPassword() {
    StrataConfig config =
        TestDatabases.h2(dataDir)
            .withDatabase(
                StrataConfig.Database.of(
                    "jdbc:postgresql://127.0.0.1:1/strata?password=hunter2", "strata", "hunter2"));

    assertThatThrownBy(() -> StrataRuntime.builder(config).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "Tried to connect to the event store at"
                + " jdbc:postgresql://127.0.0.1:1/strata?password=*** but failed because:")
        .hasMessageContaining("refused")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2").doesNotContain("\n"));
  }
}
