package dev.strata.matrix.bench;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.FakeInputs;
import dev.strata.matrix.Fixtures;
import dev.strata.matrix.adapter.file.FileStore;
import dev.strata.matrix.adapter.yaml.SnakeYamlMatrixParser;
import dev.strata.matrix.boot.BatchPlanning;
import dev.strata.matrix.core.plan.GitHubEvent;
import dev.strata.matrix.core.plan.PlanRequest;
import dev.strata.matrix.core.plan.Planner;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Bench harness (not a test): parse time of LocalAI's head matrix, a warm single plan, and batch
 * throughput over the parity requests. Reports wall and thread-CPU time, since the machine is
 * shared. Run with the test class path: {@code java -cp ... dev.strata.matrix.bench.PlanBench}.
 */
public final class PlanBench {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private PlanBench() {}

  public static void main(String[] args) throws Exception {
    Path head = Fixtures.localai().resolve("backend-matrix.head.yml");
    String text = Files.readString(head);
    SnakeYamlMatrixParser parser = new SnakeYamlMatrixParser();

    long[] cold = time(() -> parser.parse(text, "head"));
    System.out.printf(
        "parse head matrix, first call (cold JVM): wall %.1f ms, cpu %.1f ms%n",
        cold[0] / 1e6, cold[1] / 1e6);
    report("parse head matrix (fast reader)", 200, () -> parser.parse(text, "head"));
    report("parse head matrix (full SnakeYAML parse)", 100, () -> parser.fullParse(text, "head"));

    Planner planner = new Planner(Fixtures.localaiProfile());
    Matrix matrix = parser.parse(text, "head");
    GitHubEvent push =
        new GitHubEvent(
            "refs/heads/master",
            "1111111111111111111111111111111111111111",
            "2222222222222222222222222222222222222222",
            false,
            null,
            null);
    FakeInputs pushInputs =
        new FakeInputs(matrix).files("backend/cpp/llama-cpp/grpc-server.cpp", "README.md");
    PlanRequest request = new PlanRequest(push, Map.of("FORCE_ALL", "false"));
    report(
        "single push plan, head matrix (llama-cpp source edit)",
        2000,
        () -> planner.plan(request, pushInputs));
    GitHubEvent tag = new GitHubEvent("refs/tags/v1", null, null, false, null, null);
    PlanRequest full = new PlanRequest(tag, Map.of());
    FakeInputs fullInputs = new FakeInputs(matrix);
    report("full (run-all) plan, head matrix", 500, () -> planner.plan(full, fullInputs));

    Path requests = Fixtures.parity().resolve("requests.jsonl");
    int cases = (int) Files.lines(requests).filter(l -> !l.isBlank()).count();
    for (int round = 1; round <= 12; round++) {
      Planner fresh = new Planner(planner.profile());
      long[] t =
          time(
              () ->
                  new BatchPlanning(fresh, new FileStore(new SnakeYamlMatrixParser()), null)
                      .run(requests, Writer.nullWriter()));
      if (round <= 2 || round % 4 == 0) {
        System.out.printf(
            "batch round %d: %d plans (files parsed afresh), wall %.0f ms = %.0f plans/s, cpu %.0f ms = %.0f plans/cpu-s%n",
            round, cases, t[0] / 1e6, cases / (t[0] / 1e9), t[1] / 1e6, cases / (t[1] / 1e9));
      }
    }
  }

  interface Work {
    void run() throws Exception;
  }

  private static long[] time(Work work) throws Exception {
    long c = MX.getCurrentThreadCpuTime();
    long w = System.nanoTime();
    work.run();
    return new long[] {System.nanoTime() - w, MX.getCurrentThreadCpuTime() - c};
  }

  private static void report(String what, int n, Work work) throws Exception {
    for (int i = 0; i < n; i++) {
      work.run();
    }
    long[] wall = new long[n];
    long[] cpu = new long[n];
    for (int i = 0; i < n; i++) {
      long[] t = time(work);
      wall[i] = t[0];
      cpu[i] = t[1];
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(
        "%s: median wall %.3f ms (p90 %.3f), median cpu %.3f ms, n=%d after %d warm-up%n",
        what, wall[n / 2] / 1e6, wall[n * 9 / 10] / 1e6, cpu[n / 2] / 1e6, n, n);
  }
}
