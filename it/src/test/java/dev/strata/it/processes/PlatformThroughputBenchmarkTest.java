package dev.strata.it.processes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole-platform throughput with the {@code noop} build driver: legs per second from trigger to the
 * last merged manifest of a run-all over LocalAI's 457 Linux entries, on the embedded platform
 * (every role in one process, H2) and as separate processes on PostgreSQL. Agents are separate
 * processes in both. A warm-up run precedes the measured one. Not part of the suite (Surefire
 * excludes *BenchmarkTest); run it on demand, see benchmarks/platform.md.
 *
 * <p>System properties: {@code strata.bench.agents} (default 2), {@code strata.bench.parallelism}
 * (legs at once per agent, default 4).
 */
class PlatformThroughputBenchmarkTest {
  private static final Duration RUN = Duration.ofMinutes(30);
  private static final int AGENTS = Integer.getInteger("strata.bench.agents", 2);
  private static final int PARALLELISM = Integer.getInteger("strata.bench.parallelism", 4);

  @RegisterExtension final ProcessLogs logs = new ProcessLogs();

  /** The timeline of one run from its events' store timestamps. */
  record Timeline(
      String runId,
      int legs,
      int merges,
      Duration toPlan,
      Duration toLastDigest,
      Duration toLastMerge) {
    double legsPerSecond() {
      return legs / (toLastMerge.toMillis() / 1000.0);
    }

    String summary() {
      return String.format(
          Locale.ROOT,
          "%d legs, %d merges: planned %.1f s, last digest %.1f s, last merge %.1f s after the"
              + " trigger -> %.1f legs/s",
          legs,
          merges,
          toPlan.toMillis() / 1000.0,
          toLastDigest.toMillis() / 1000.0,
          toLastMerge.toMillis() / 1000.0,
          legsPerSecond());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"embedded-h2", "processes-postgres"})
  void runAllOfLocalAisMatrix_withTheNoopDriver(String mode) throws Exception {
    boolean postgres = mode.endsWith("postgres");
    try (ProcessStack stack =
        logs.watch(
            ProcessStack.create("bench-" + mode, 300, postgres, LocalAiBenchFixture::create))) {
      LocalAiBenchFixture f = stack.fixture();
      f.pushBases();
      if (postgres) {
        ProcessStack.startAll(stack.gateway(), stack.matrix(), stack.merge());
      } else {
        ProcessStack.startAll(stack.embedded());
      }
      List<StrataProcess> agents = new ArrayList<>();
      for (int i = 1; i <= AGENTS; i++) {
        agents.add(stack.agent("agent-" + i, "noop", PARALLELISM));
      }
      ProcessStack.startAll(agents.toArray(StrataProcess[]::new));

      Timeline warm = runAll(stack, f, "warm-up");
      Timeline measured = runAll(stack, f, "measured");

      String line =
          String.format(
              Locale.ROOT,
              "%s %s, %d agents x %d: warm-up %s | measured %s%n",
              Instant.now(),
              mode,
              AGENTS,
              PARALLELISM,
              warm.summary(),
              measured.summary());
      System.out.print(line);
      Files.writeString(
          Path.of("target", "bench-platform.txt"),
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      assertThat(measured.legs()).isEqualTo(457);
    }
  }

  private static Timeline runAll(ProcessStack stack, LocalAiBenchFixture f, String name)
      throws Exception {
    String before = f.head();
    String after = f.commit(name);
    GatewayHttp ci = stack.ci();
    GatewayHttp.Reply r =
        ci.trigger(name, "push", GatewayHttp.push(f.repository(), before, after), true);
    assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(202);
    String run = r.body().get("runId").asText();
    long deadline = System.nanoTime() + RUN.toNanos();
    String state;
    do {
      Thread.sleep(1000);
      state = ci.get("/v1/runs/" + run).body().path("state").asText();
      if (System.nanoTime() > deadline) {
        throw new AssertionError("run " + run + " still " + state + " after " + RUN);
      }
    } while (state.equals("RUNNING") || state.equals("QUEUED") || state.isEmpty());
    assertThat(state).isEqualTo("SUCCEEDED");
    return timeline(run, ci.get("/v1/runs/" + run + "/events").body().get("events"));
  }

  private static Timeline timeline(String run, JsonNode events) {
    Instant start = null;
    Instant planned = null;
    Instant lastDigest = null;
    Instant lastMerge = null;
    int legs = 0;
    int merges = 0;
    for (JsonNode e : events) {
      Instant at = Instant.parse(e.get("at").asText());
      switch (e.get("type").asText()) {
        case "TriggerReceived" -> start = at;
        case "MatrixFiltered" -> planned = at;
        case "ArchDigestPushed" -> {
          legs++;
          lastDigest = max(lastDigest, at);
        }
        case "ManifestMerged" -> {
          merges++;
          lastMerge = max(lastMerge, at);
        }
        default -> {}
      }
    }
    return new Timeline(
        run,
        legs,
        merges,
        Duration.between(start, planned),
        Duration.between(start, lastDigest),
        Duration.between(start, lastMerge));
  }

  private static Instant max(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }
}
