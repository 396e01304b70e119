package dev.strata.builder.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.builder.adapter.jgit.JGitCheckout;
import dev.strata.builder.core.BuilderAgent;
import dev.strata.builder.core.LegTimings;
import dev.strata.builder.testing.Engine;
import dev.strata.builder.testing.FixtureRepo;
import dev.strata.builder.testing.Legs;
import dev.strata.builder.testing.LocalServices;
import dev.strata.builder.testing.StandInGateway;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.runtime.agent.GatewayClient;
import dev.strata.runtime.serialization.StrataSerializers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Cold versus warm (fully cached) leg time through the whole agent path (claim, JGit checkout,
 * plan, engine build, push by digest, cache write, report to a stand-in gateway), and the overhead
 * Strata adds around the engine's own build. Not part of the suite (the parent POM excludes
 * *BenchmarkTest from Surefire); run with {@code mvn -pl builder-agent -am verify
 * -Dtest=BuilderOverheadBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}. Writes
 * {@code target/builder-benchmark.md}.
 */
class BuilderOverheadBenchmarkTest {
  private static final int WARM_RUNS = 7;

  @Test
  void coldVersusWarmLeg() throws Exception {
    run("tinypy (Dockerfile.python)", n -> Legs.tinypy(), "backend/python/tinypy/salt.txt", false);
  }

  // the ccache leg adds the restore and save builds around the engine build
  @Test
  void coldVersusWarmCcacheLeg() throws Exception {
    run(
        "llama-cpp (prebuilt base, ccache)",
        Legs::llamaCpp,
        "backend/cpp/llama-cpp/salt.txt",
        true);
  }

  private void run(String title, Function<String, LinuxEntry> legOf, String salt, boolean bases)
      throws Exception {
    LocalServices.ensureBaseImage();
    String ns = LocalServices.namespace();
    Path tmp = Files.createTempDirectory("strata-bench-");
    List<LegTimings> timings = new CopyOnWriteArrayList<>();
    try (FixtureRepo repo = FixtureRepo.create(tmp.resolve("repo"));
        StandInGateway gateway = new StandInGateway()) {
      CommitSha sha = repo.commit("salt", Map.of(salt, ns));
      if (bases) {
        Path profile = tmp.resolve("profile.yml");
        Files.writeString(profile, Legs.profileYaml(ns));
        int exit =
            new picocli.CommandLine(new dev.strata.builder.boot.BasesCommand())
                .execute(
                    "build",
                    "--profile",
                    profile.toString(),
                    "--repo",
                    repo.dir().toString(),
                    "--driver",
                    "engine",
                    "--workdir",
                    tmp.resolve("bases").toString());
        assertThat(exit).isZero();
      }
      Engine engine = new Engine(tmp.resolve("tmp"));
      BuilderAgent agent =
          new BuilderAgent(
              new GatewayClient(gateway.uri(), "t", StrataSerializers.objectMapper()),
              new JGitCheckout(tmp.resolve("checkouts"), r -> repo.dir().toString()),
              engine.legs,
              Legs.profile(ns),
              Clock.systemUTC(),
              new BuilderAgent.Settings(
                  "bench",
                  List.of(RunnerClass.of("ubuntu-latest")),
                  1,
                  Duration.ofSeconds(60),
                  Duration.ofSeconds(2)),
              timings::add);
      agent.start();
      LinuxEntry entry = legOf.apply(ns);
      try {
        for (int i = 0; i <= WARM_RUNS; i++) {
          String leg = gateway.offer("bench" + i, entry, Legs.push(sha));
          StandInGateway.Report r = gateway.awaitReport(leg, Duration.ofMinutes(5));
          assertThat(r.kind()).as(r.body().toString()).isEqualTo("result");
          long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
          while (timings.size() <= i && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
        }
      } finally {
        agent.stop();
      }
      LegTimings cold = timings.get(0);
      List<LegTimings> warm = timings.subList(1, timings.size());
      String report = "### " + title + "\n\n" + report(cold, warm) + "\n";
      System.out.println(report);
      Files.writeString(
          Path.of("target/builder-benchmark.md"),
          report,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      assertThat(median(warm, LegTimings::overhead)).isLessThan(Duration.ofSeconds(1));
    } finally {
      LocalServices.deleteTree(tmp);
    }
  }

  private static String report(LegTimings cold, List<LegTimings> warm) {
    StringBuilder sb = new StringBuilder();
    sb.append("| leg | total ms | engine build ms | overhead ms |");
    List<String> phases = new ArrayList<>(cold.phases().keySet());
    phases.remove(LegTimings.ENGINE_BUILD);
    phases.forEach(p -> sb.append(' ').append(p).append(" ms |"));
    sb.append(" other ms |");
    sb.append('\n').append("|---".repeat(5 + phases.size())).append("|\n");
    row(sb, "cold", cold, phases);
    for (int i = 0; i < warm.size(); i++) {
      row(sb, "warm " + (i + 1), warm.get(i), phases);
    }
    Map<String, Duration> med = new LinkedHashMap<>();
    for (String p : phases) {
      med.put(p, median(warm, t -> t.phases().getOrDefault(p, Duration.ZERO)));
    }
    sb.append("| **warm median** | ")
        .append(median(warm, LegTimings::total).toMillis())
        .append(" | ")
        .append(
            median(warm, t -> t.phases().getOrDefault(LegTimings.ENGINE_BUILD, Duration.ZERO))
                .toMillis())
        .append(" | **")
        .append(median(warm, LegTimings::overhead).toMillis())
        .append("** |");
    phases.forEach(p -> sb.append(' ').append(med.get(p).toMillis()).append(" |"));
    sb.append(' ')
        .append(median(warm, BuilderOverheadBenchmarkTest::other).toMillis())
        .append(" |");
    return sb.append('\n').toString();
  }

  private static void row(StringBuilder sb, String name, LegTimings t, List<String> phases) {
    sb.append("| ")
        .append(name)
        .append(" | ")
        .append(t.total().toMillis())
        .append(" | ")
        .append(t.phases().getOrDefault(LegTimings.ENGINE_BUILD, Duration.ZERO).toMillis())
        .append(" | ")
        .append(t.overhead().toMillis())
        .append(" |");
    phases.forEach(
        p ->
            sb.append(' ')
                .append(t.phases().getOrDefault(p, Duration.ZERO).toMillis())
                .append(" |"));
    sb.append(' ').append(other(t).toMillis()).append(" |");
    sb.append('\n');
  }

  /** The part of the total no phase accounts for (progress flushes, thread hand-offs). */
  private static Duration other(LegTimings t) {
    return t.phases().values().stream().reduce(t.total(), Duration::minus);
  }

  private static Duration median(List<LegTimings> ts, Function<LegTimings, Duration> f) {
    List<Duration> d = new ArrayList<>(ts.stream().map(f).toList());
    d.sort(Comparator.naturalOrder());
    return d.get(d.size() / 2);
  }
}
