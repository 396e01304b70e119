package dev.strata.it.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.it.processes.StoredEvents.Row;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ISSUE 9: {@code kill -9} of the gateway process during a burst of 200 triggers from a client that
 * retries on connection errors with the same delivery id, while the gateway is started again on the
 * same port. The matrix-service runs in its own process and plans every run; the event store (one
 * PostgreSQL schema) is what is counted.
 */
class GatewayRestartIntegrationTest {
  private static final int TRIGGERS = 200;
  private static final int KILL_AFTER = 40;
  private static final Duration BURST = Duration.ofMinutes(4);

  @RegisterExtension final ProcessLogs logs = new ProcessLogs();

  private ProcessStack stack;

  @AfterEach
  void stopStack() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  /** What the client saw for one delivery. */
  record Outcome(String delivery, String runId, int status, int attempts) {}

  @Test
  void everyAcceptedTrigger_becomesExactlyOneRun_acrossAGatewayKill() throws Exception {
    stack = logs.watch(ProcessStack.create("gateway-restart", 300));
    StrataProcess gateway = stack.gateway();
    StrataProcess matrix = stack.matrix();
    ProcessStack.startAll(gateway, matrix);
    ProcessFixture fixture = stack.fixture();
    String base = fixture.head();
    String head = fixture.commit("docs only", Map.of("README.md", "docs\n"));
    GatewayHttp ci = stack.ci();
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger connectionErrors = new AtomicInteger();

    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<Outcome>> sent = new ArrayList<>();
    long deadline = System.nanoTime() + BURST.toNanos();
    for (int i = 1; i <= TRIGGERS; i++) {
      int pr = i;
      sent.add(
          clients.submit(
              () -> {
                Outcome o =
                    sendUntilAnswered(
                        ci,
                        "burst-" + pr,
                        GatewayHttp.pullRequest(pr, base, head),
                        deadline,
                        connectionErrors);
                accepted.incrementAndGet();
                return o;
              }));
    }
    while (accepted.get() < KILL_AFTER) {
      Thread.sleep(10);
    }
    gateway.kill9();
    int acceptedBeforeKill = accepted.get();
    gateway.start();
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> f : sent) {
      outcomes.add(f.get());
    }
    clients.shutdown();
    ProcessStack.awaitReady(gateway);

    assertThat(acceptedBeforeKill).isLessThan(TRIGGERS);
    assertThat(connectionErrors.get()).as("requests that met the dead gateway").isPositive();
    assertThat(outcomes).allSatisfy(o -> assertThat(o.status()).isIn(200, 202));
    Map<String, String> runByDelivery =
        outcomes.stream().collect(Collectors.toMap(Outcome::delivery, Outcome::runId));
    assertThat(Set.copyOf(runByDelivery.values())).hasSize(TRIGGERS);

    // the restarted gateway answers a redelivery of a trigger the killed one accepted as before
    for (Outcome o : outcomes.subList(0, 20)) {
      GatewayHttp.Reply again =
          ci.trigger(o.delivery(), "pull_request", GatewayHttp.pullRequest(prOf(o), base, head));
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.body().get("duplicate").asBoolean()).isTrue();
      assertThat(again.body().get("runId").asText()).isEqualTo(o.runId());
    }

    List<Row> received = stack.events().ofType("TriggerReceived");
    Map<String, List<Row>> storedByDelivery =
        received.stream()
            .collect(Collectors.groupingBy(r -> r.payload().get("deliveryId").asText()));
    assertThat(received).hasSize(TRIGGERS);
    assertThat(storedByDelivery.keySet()).isEqualTo(runByDelivery.keySet());
    storedByDelivery.forEach(
        (delivery, rows) ->
            assertThat(rows)
                .singleElement()
                .satisfies(r -> assertThat(r.aggregate()).isEqualTo(runByDelivery.get(delivery))));

    // every run is planned once by the matrix process: a docs-only change selects no leg
    List<Row> planned =
        stack
            .events()
            .awaitCount("MatrixFiltered", r -> r.type().equals("MatrixFiltered"), TRIGGERS, BURST);
    Map<String, Long> plansPerRun =
        planned.stream().collect(Collectors.groupingBy(Row::aggregate, Collectors.counting()));
    assertThat(plansPerRun.keySet()).isEqualTo(Set.copyOf(runByDelivery.values()));
    assertThat(plansPerRun.values()).allMatch(n -> n == 1L);
    assertThat(planned).allSatisfy(r -> assertThat(r.payload().get("legs")).isEmpty());
    long duplicates = outcomes.stream().filter(o -> o.status() == 200).count();
    System.out.println(
        "burst: "
            + acceptedBeforeKill
            + " accepted before the kill, "
            + connectionErrors.get()
            + " connection errors retried, "
            + duplicates
            + " answered as duplicates; attempts per trigger "
            + outcomes.stream()
                .collect(Collectors.groupingBy(Outcome::attempts, Collectors.counting())));
  }

  private static int prOf(Outcome o) {
    return Integer.parseInt(o.delivery().substring("burst-".length()));
  }

  /**
   * Sends until the gateway answers 2xx: a connection error or a 5xx (the gateway restarting) is
   * retried with the same delivery id; anything else fails the trigger.
   */
  private static Outcome sendUntilAnswered(
      GatewayHttp ci, String delivery, JsonNode payload, long deadline, AtomicInteger errors)
      throws InterruptedException {
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        GatewayHttp.Reply r = ci.trigger(delivery, "pull_request", payload);
        if (r.status() == 200 || r.status() == 202) {
          return new Outcome(delivery, r.body().get("runId").asText(), r.status(), attempts);
        }
        if (r.status() < 500) {
          return new Outcome(delivery, String.valueOf(r.body()), r.status(), attempts);
        }
      } catch (IOException e) {
        errors.incrementAndGet();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("delivery " + delivery + " never answered after " + attempts);
      }
      Thread.sleep(250);
    }
  }
}
