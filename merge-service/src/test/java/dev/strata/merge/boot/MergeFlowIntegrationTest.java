package dev.strata.merge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.run.api.KeepaliveTagsCleaned;
import dev.strata.domain.run.api.ManifestMerged;
import dev.strata.domain.run.api.MergeDeferred;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.run.api.PublishedIndex;
import dev.strata.domain.run.api.TagCleanup;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.merge.core.MergeProcessor;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The merge role in a real runtime (embedded H2 event store, tracking processor) against two real
 * registries: the shared one playing quay (cache repository and first publish repository) and one
 * this test starts playing Docker Hub.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MergeFlowIntegrationTest {
  private static final Repository REPO = Repository.parse("mudler/LocalAI");
  private static final CommitSha BEFORE = CommitSha.parse("1".repeat(40));
  private static final CommitSha SHA = CommitSha.parse("82c191afadf5f005281e798ccfa0ffd0d5805030");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger RUNS = new AtomicInteger();

  private LocalRegistry hubRegistry;
  private Landscape landscape;
  private StrataRuntime runtime;
  private final RegistryClient registry =
      new RegistryClient(RegistryTransport.standard(RegistryCredentials.none()));
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void start(@TempDir Path dataDir) throws Exception {
    hubRegistry = LocalRegistry.start();
    landscape = new Landscape(SharedRegistry.host(), hubRegistry.host());
    MergeSettings settings =
        MergeSettings.of(
            Map.of(
                "backend",
                new PipelinePublishing(landscape.naming, PipelinePublishing.TagStyle.BACKEND)),
            "master",
            RegistryCredentials.none());
    runtime =
        StrataRuntime.builder(StrataConfig.defaults().withDataDir(dataDir))
            .install(new DomainModule())
            .install(new MergeModule(settings))
            .build()
            .start();
  }

  @AfterAll
  void stop() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    hubRegistry.close();
  }

  private RunDriver run(String suffix) {
    RunId id = RunId.of("r" + System.nanoTime() % 1_000_000 + "x" + RUNS.incrementAndGet());
    return new RunDriver(runtime.commandGateway(), runtime.eventStore(), id, TagSuffix.of(suffix));
  }

  private Digest leg(RunDriver run, String pt, String seed) throws Exception {
    return landscape.buildLeg(registry, pt, seed, run.keepaliveTag(pt));
  }

  private RunDriver pushBoth(RunDriver run, Digest amd, Digest arm) {
    List<ImageRef> to = List.of(landscape.quay, landscape.hub);
    run.pushed("amd64", amd, to, landscape.cache.withTag(run.keepaliveTag("amd64")));
    run.pushed("arm64", arm, to, landscape.cache.withTag(run.keepaliveTag("arm64")));
    return run;
  }

  private JsonNode index(ImageRef repo, String tag) throws Exception {
    return json.readTree(registry.manifest(repo.withTag(tag)).orElseThrow().bytes());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          branch | master     | master-cpu-vllm-1,sha-82c191a-cpu-vllm-1
          tag    | v1.2.3     | v1.2.3-cpu-vllm-1,sha-82c191a-cpu-vllm-1,latest-cpu-vllm-1
          tag    | v1.2.3-rc1 | v1.2.3-rc1-cpu-vllm-1,sha-82c191a-cpu-vllm-1
          tag    | v.1.24.0   | sha-82c191a-cpu-vllm-1
          """)
  void twoArchGroup_isPublishedUnderDomainTags_inBothRegistries(
      String kind, String ref, String expectedTags) throws Exception {
    Trigger trigger =
        kind.equals("branch")
            ? Trigger.push(REPO, ref, BEFORE, SHA, false)
            : Trigger.tagPush(REPO, ref, SHA);
    RunDriver run = run("-cpu-vllm-1").start(trigger);
    run.plan(List.of("amd64", "arm64"), List.of("amd64", "arm64"), "auto");
    Digest amd = leg(run, "amd64", ref);
    Digest arm = leg(run, "arm64", ref);

    pushBoth(run, amd, arm);
    ManifestMerged merged = run.await(ManifestMerged.class);

    List<String> tags = List.of(expectedTags.split(","));
    assertThat(merged.indexes())
        .extracting(PublishedIndex::repository)
        .containsExactly(landscape.quay, landscape.hub);
    for (PublishedIndex index : merged.indexes()) {
      assertThat(index.tags()).isEqualTo(tags);
      assertThat(index.platforms()).containsExactly("linux/amd64", "linux/arm64");
      assertThat(index.digest()).isEqualTo(merged.indexes().get(0).digest());
      for (String tag : tags) {
        assertThat(registry.resolveTag(index.repository().withTag(tag))).contains(index.digest());
      }
    }
    JsonNode entries = index(landscape.hub, tags.get(0)).path("manifests");
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).path("digest").asText()).isEqualTo(amd.value());
    assertThat(entries.get(0).path("platform").path("architecture").asText()).isEqualTo("amd64");
    assertThat(entries.get(1).path("digest").asText()).isEqualTo(arm.value());
    assertThat(entries.get(1).path("platform").path("architecture").asText()).isEqualTo("arm64");
    assertThat(merged.sources())
        .containsExactly(
            new MergeSource(run.leg("amd64"), amd, run.run),
            new MergeSource(run.leg("arm64"), arm, run.run));
  }

  @Test
  void indexReadsBackWithSkopeo_andTheQuaySourcesComeFromTheAnchoredCache() throws Exception {
    RunDriver run = run("-cpu-skopeo").start(Trigger.push(REPO, "master", BEFORE, SHA, false));
    run.plan(List.of("amd64", "arm64"), List.of("amd64", "arm64"), "auto");
    Digest amd = leg(run, "amd64", "skopeo");
    Digest arm = leg(run, "arm64", "skopeo");
    // quay garbage-collected the untagged per-arch manifests in the publish repository (4.5)
    registry.deleteManifest(landscape.quay, amd);
    registry.deleteManifest(landscape.quay, arm);

    pushBoth(run, amd, arm);
    ManifestMerged merged = run.await(ManifestMerged.class);

    String raw = skopeoInspectRaw(landscape.quay.withTag("master-cpu-skopeo"));
    JsonNode index = json.readTree(raw);
    assertThat(index.path("mediaType").asText())
        .isEqualTo("application/vnd.oci.image.index.v1+json");
    assertThat(index.path("manifests").findValuesAsText("digest"))
        .containsExactly(amd.value(), arm.value());
    assertThat(registry.hasManifest(landscape.quay, amd)).isTrue();
    assertThat(merged.indexes().get(0).digest().value())
        .isEqualTo(
            dev.strata.runtime.registry.RawManifest.sha256(raw.getBytes(StandardCharsets.UTF_8))
                .value());

    KeepaliveTagsCleaned cleaned = run.await(KeepaliveTagsCleaned.class);
    assertThat(cleaned.outcomes())
        .containsExactly(
            new TagCleanup(
                landscape.cache.withTag(run.keepaliveTag("amd64")).toString(), "deleted"),
            new TagCleanup(
                landscape.cache.withTag(run.keepaliveTag("arm64")).toString(), "deleted"));
    assertThat(registry.resolveTag(landscape.cache.withTag(run.keepaliveTag("amd64")))).isEmpty();
  }

  @Test
  void oneLegRebuild_republishesACompleteIndex_andAFailedLegDefersLeavingTheTagAlone()
      throws Exception {
    String sfx = "-cpu-rebuild";
    RunDriver first = run(sfx).start(Trigger.push(REPO, "master", BEFORE, SHA, false));
    first.plan(List.of("amd64", "arm64"), List.of("amd64", "arm64"), "auto");
    Digest amd1 = leg(first, "amd64", "first");
    Digest arm1 = leg(first, "arm64", "first");
    pushBoth(first, amd1, arm1);
    first.await(ManifestMerged.class);

    RunDriver second = run(sfx).start(Trigger.push(REPO, "master", SHA, SHA, false));
    second.plan(List.of("amd64"), List.of("amd64", "arm64"), "auto");
    Digest amd2 = leg(second, "amd64", "second");
    second.pushed(
        "amd64",
        amd2,
        List.of(landscape.quay, landscape.hub),
        landscape.cache.withTag(second.keepaliveTag("amd64")));
    ManifestMerged rebuilt = second.await(ManifestMerged.class);

    assertThat(rebuilt.sources())
        .containsExactly(
            new MergeSource(second.leg("amd64"), amd2, second.run),
            new MergeSource(second.leg("arm64"), arm1, first.run));
    assertThat(index(landscape.quay, "master" + sfx).path("manifests").findValuesAsText("digest"))
        .containsExactly(amd2.value(), arm1.value());
    Digest published = rebuilt.indexes().get(0).digest();

    RunDriver third = run(sfx).start(Trigger.push(REPO, "master", SHA, SHA, false));
    third.plan(List.of("amd64", "arm64"), List.of("amd64", "arm64"), "auto");
    Digest amd3 = leg(third, "amd64", "third");
    third.pushed(
        "amd64",
        amd3,
        List.of(landscape.quay, landscape.hub),
        landscape.cache.withTag(third.keepaliveTag("amd64")));
    third.failed("arm64", "exit code 2");
    MergeDeferred deferred = third.await(MergeDeferred.class);

    assertThat(deferred.missing()).containsExactly(third.leg("arm64"));
    assertThat(deferred.reason()).startsWith("leg " + sfx + "@arm64 failed: build: exit code 2");
    assertThat(third.all(ManifestMerged.class)).isEmpty();
    assertThat(registry.resolveTag(landscape.quay.withTag("master" + sfx))).contains(published);
    assertThat(registry.resolveTag(landscape.hub.withTag("master" + sfx))).contains(published);
  }

  @Test
  void registryDownDuringAMerge_theMergeCompletesWhenItReturns_once() throws Exception {
    RunDriver run = run("-cpu-outage").start(Trigger.push(REPO, "master", BEFORE, SHA, false));
    run.plan(List.of("amd64", "arm64"), List.of("amd64", "arm64"), "auto");
    Digest amd = leg(run, "amd64", "outage");
    Digest arm = leg(run, "arm64", "outage");

    hubRegistry.stop();
    try {
      pushBoth(run, amd, arm);
      Thread.sleep(3000);
      assertThat(run.all(ManifestMerged.class)).isEmpty();
      assertThat(run.all(MergeDeferred.class)).isEmpty();
      assertThat(runtime.health().processors())
          .filteredOn(p -> p.name().equals(MergeProcessor.PROCESSING_GROUP))
          .singleElement()
          .satisfies(
              p ->
                  assertThat(p.error())
                      .hasValueSatisfying(e -> assertThat(e).contains("will retry")));
    } finally {
      hubRegistry.restart();
    }

    ManifestMerged merged = run.await(ManifestMerged.class, e -> true, Duration.ofSeconds(90));
    assertThat(registry.resolveTag(landscape.hub.withTag("master-cpu-outage")))
        .contains(merged.indexes().get(1).digest());
    Thread.sleep(500);
    assertThat(run.all(ManifestMerged.class)).hasSize(1);
    assertThat(run.all(MergeDeferred.class)).isEmpty();
  }

  @Test
  void replayingTheLog_mergesNothingAgain() throws Exception {
    RunDriver run = run("-cpu-replay").start(Trigger.push(REPO, "master", BEFORE, SHA, false));
    run.plan(List.of("amd64", "arm64"), List.of("amd64", "arm64"), "auto");
    pushBoth(run, leg(run, "amd64", "replay"), leg(run, "arm64", "replay"));
    ManifestMerged merged = run.await(ManifestMerged.class);
    run.await(KeepaliveTagsCleaned.class);

    runtime.replay(MergeProcessor.PROCESSING_GROUP);
    // Axon ends a replay only once an event beyond the reset position arrives: start another run
    run("-cpu-after-replay").start(Trigger.push(REPO, "master", SHA, SHA, false));
    assertThat(runtime.awaitProcessed(WAIT)).isTrue();

    assertThat(run.all(ManifestMerged.class)).containsExactly(merged);
    assertThat(run.all(KeepaliveTagsCleaned.class)).hasSize(1);
  }

  private static String skopeoInspectRaw(ImageRef ref) throws Exception {
    Path out = Files.createTempFile("skopeo", ".json");
    Process p =
        new ProcessBuilder("skopeo", "inspect", "--raw", "--tls-verify=false", "docker://" + ref)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String text = Files.readString(out);
    Files.delete(out);
    assertThat(p.exitValue()).as("skopeo said: %s", text).isZero();
    return text.strip();
  }
}
