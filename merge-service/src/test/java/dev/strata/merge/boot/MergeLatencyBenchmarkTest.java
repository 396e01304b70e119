package dev.strata.merge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.run.api.ManifestMerged;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.merge.testing.Landscape;
import dev.strata.merge.testing.RunDriver;
import dev.strata.runtime.DomainModule;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StrataConfig;
import dev.strata.runtime.registry.RegistryClient;
import dev.strata.runtime.registry.RegistryCredentials;
import dev.strata.runtime.registry.RegistryTransport;
import dev.strata.runtime.testing.LocalRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark (run with {@code -Dstrata.bench=true -Dtest=MergeLatencyBenchmarkTest}): the time from
 * the last {@code ArchDigestPushed} of a two-arch group to its {@code ManifestMerged}, on the
 * embedded platform (H2 event store, tracking processor) with two registry processes. Writes {@code
 * target/merge-bench.md}.
 */
@EnabledIfSystemProperty(named = "strata.bench", matches = "true")
class MergeLatencyBenchmarkTest {
  private static final int WARMUP = 5;
  private static final int ROUNDS = Integer.getInteger("strata.bench.rounds", 40);
  private static final Repository REPO = Repository.parse("mudler/LocalAI");
  private static final CommitSha SHA = CommitSha.parse("82c191afadf5f005281e798ccfa0ffd0d5805030");

  private final RegistryClient registry =
      new RegistryClient(RegistryTransport.standard(RegistryCredentials.none()));

  private record Sample(double wallMillis, double eventMillis) {}

  @Test
  void lastDigestToManifestMerged(@TempDir Path dir) throws Exception {
    StringBuilder report = new StringBuilder();
    try (LocalRegistry quay = LocalRegistry.start();
        LocalRegistry hub = LocalRegistry.start()) {
      Landscape landscape = new Landscape(quay.host(), hub.host());
      MergeSettings settings =
          MergeSettings.of(
              Map.of(
                  "backend",
                  new PipelinePublishing(landscape.naming, PipelinePublishing.TagStyle.BACKEND)),
              "master",
              RegistryCredentials.none());
      try (StrataRuntime runtime =
          StrataRuntime.builder(StrataConfig.defaults().withDataDir(dir))
              .install(new DomainModule())
              .install(new MergeModule(settings))
              .build()
              .start()) {
        List<Sample> present = run(runtime, landscape, "present", false);
        List<Sample> collected = run(runtime, landscape, "gc", true);
        report.append(table("sources present in both publish repositories", present));
        report.append(
            table("quay copies garbage-collected: copied from the anchored cache", collected));
        assertThat(percentile(present, 50, true)).isLessThan(500);
      }
    }
    Path out = Path.of("target", "merge-bench.md");
    Files.writeString(out, report);
    System.out.println(report);
  }

  private List<Sample> run(StrataRuntime runtime, Landscape landscape, String label, boolean gc)
      throws Exception {
    List<Sample> samples = new ArrayList<>();
    for (int i = 0; i < WARMUP + ROUNDS; i++) {
      RunDriver run =
          new RunDriver(
              runtime.commandGateway(),
              runtime.eventStore(),
              RunId.of("b" + label + i),
              TagSuffix.of("-cpu-bench-" + label));
      run.start(Trigger.push(REPO, "master", SHA, SHA, false));
      run.plan(List.of("amd64", "arm64"), List.of("amd64", "arm64"), "auto");
      Digest amd = landscape.buildLeg(registry, "amd64", label + i, run.keepaliveTag("amd64"));
      Digest arm = landscape.buildLeg(registry, "arm64", label + i, run.keepaliveTag("arm64"));
      if (gc) {
        registry.deleteManifest(landscape.quay, amd);
        registry.deleteManifest(landscape.quay, arm);
      }
      List<dev.strata.domain.image.api.ImageRef> to = List.of(landscape.quay, landscape.hub);
      run.pushed("amd64", amd, to, landscape.cache.withTag(run.keepaliveTag("amd64")));
      Instant pushedAt = Instant.now();
      long start = System.nanoTime();
      run.pushedAt("arm64", arm, to, landscape.cache.withTag(run.keepaliveTag("arm64")), pushedAt);
      ManifestMerged merged =
          run.await(ManifestMerged.class, e -> true, Duration.ofSeconds(30), Duration.ofMillis(1));
      long wall = System.nanoTime() - start;
      if (i >= WARMUP) {
        samples.add(
            new Sample(wall / 1e6, Duration.between(pushedAt, merged.at()).toNanos() / 1e6));
      }
    }
    return samples;
  }

  private static double percentile(List<Sample> samples, int p, boolean wall) {
    List<Double> values =
        samples.stream().map(s -> wall ? s.wallMillis() : s.eventMillis()).sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * values.size()) - 1;
    return values.get(Math.max(0, Math.min(index, values.size() - 1)));
  }

  private static String table(String title, List<Sample> samples) {
    return String.format(
        "### %s (%d rounds after %d warm-up)%n%n"
            + "| measure | p50 | p90 | p99 | max |%n|---|---|---|---|---|%n"
            + "| wall: last RecordArchDigest sent -> ManifestMerged readable | %.0f ms | %.0f ms |"
            + " %.0f ms | %.0f ms |%n"
            + "| events: ArchDigestPushed.at -> ManifestMerged.at | %.0f ms | %.0f ms | %.0f ms |"
            + " %.0f ms |%n%n",
        title,
        samples.size(),
        WARMUP,
        percentile(samples, 50, true),
        percentile(samples, 90, true),
        percentile(samples, 99, true),
        percentile(samples, 100, true),
        percentile(samples, 50, false),
        percentile(samples, 90, false),
        percentile(samples, 99, false),
        percentile(samples, 100, false));
  }
}
