package dev.strata.merge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.run.api.ManifestMerged;
import dev.strata.domain.run.api.MergeSource;
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
import dev.strata.runtime.testing.SharedRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The merge role across process restarts on one event store: its ledger is rebuilt from the log,
 * and a merge that was failing when the process stopped completes after it restarts.
 */
class MergeRestartIntegrationTest {
  private static final Repository REPO = Repository.parse("mudler/LocalAI");
  private static final CommitSha SHA = CommitSha.parse("82c191afadf5f005281e798ccfa0ffd0d5805030");

  private final RegistryClient registry =
      new RegistryClient(RegistryTransport.standard(RegistryCredentials.none()));

  private static StrataRuntime start(Path dataDir, Landscape landscape) throws Exception {
    MergeSettings settings =
        MergeSettings.of(
            Map.of(
                "backend",
                new PipelinePublishing(landscape.naming, PipelinePublishing.TagStyle.BACKEND)),
            "master",
            RegistryCredentials.none());
    return StrataRuntime.builder(StrataConfig.defaults().withDataDir(dataDir))
        .install(new DomainModule())
        .install(new MergeModule(settings))
        .build()
        .start();
  }

  private static RunDriver driver(StrataRuntime runtime, String run) {
    return new RunDriver(
        runtime.commandGateway(),
        runtime.eventStore(),
        RunId.of(run),
        TagSuffix.of("-cpu-restart"));
  }

  private void push(RunDriver run, Landscape landscape, String pt, String seed) throws Exception {
    record(run, landscape, pt, landscape.buildLeg(registry, pt, seed, run.keepaliveTag(pt)));
  }

  private static void record(RunDriver run, Landscape landscape, String pt, Digest digest) {
    run.pushed(
        pt,
        digest,
        List.of(landscape.quay, landscape.hub),
        landscape.cache.withTag(run.keepaliveTag(pt)));
  }

  @Test
  void afterARestart_theLedgerKnowsEarlierDigests_andAFailingMergeCompletes(@TempDir Path dir)
      throws Exception {
    try (LocalRegistry hub = LocalRegistry.start()) {
      Landscape landscape = new Landscape(SharedRegistry.host(), hub.host());

      StrataRuntime first = start(dir, landscape);
      RunDriver one = driver(first, "restart1");
      one.start(Trigger.push(REPO, "master", CommitSha.parse("1".repeat(40)), SHA, false));
      one.plan(List.of("amd64", "arm64"), List.of("amd64", "arm64"), "auto");
      push(one, landscape, "amd64", "one");
      push(one, landscape, "arm64", "one");
      ManifestMerged merged = one.await(ManifestMerged.class);
      Digest arm = merged.sources().get(1).digest();

      RunDriver two = driver(first, "restart2");
      two.start(Trigger.push(REPO, "master", SHA, SHA, false));
      two.plan(List.of("amd64"), List.of("amd64", "arm64"), "auto");
      Digest amd = landscape.buildLeg(registry, "amd64", "two", two.keepaliveTag("amd64"));
      hub.stop();
      record(two, landscape, "amd64", amd);
      Thread.sleep(1500);
      assertThat(two.all(ManifestMerged.class)).isEmpty();
      first.close();
      hub.restart();

      StrataRuntime second = start(dir, landscape);
      try {
        RunDriver twoAgain = driver(second, "restart2");
        ManifestMerged rebuilt =
            twoAgain.await(ManifestMerged.class, e -> true, Duration.ofSeconds(60));

        assertThat(rebuilt.sources().get(1))
            .isEqualTo(new MergeSource(twoAgain.leg("arm64"), arm, RunId.of("restart1")));
        ImageRef hubTag = landscape.hub.withTag("master-cpu-restart");
        assertThat(registry.resolveTag(hubTag)).contains(rebuilt.indexes().get(1).digest());
        Thread.sleep(500);
        assertThat(twoAgain.all(ManifestMerged.class)).hasSize(1);
      } finally {
        second.close();
      }
    }
  }
}
