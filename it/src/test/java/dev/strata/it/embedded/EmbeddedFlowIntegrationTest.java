package dev.strata.it.embedded;

import static dev.strata.it.embedded.GatewayApi.describe;
import static dev.strata.it.embedded.GatewayApi.ofType;
import static dev.strata.it.embedded.RunJson.byLeg;
import static dev.strata.it.embedded.RunJson.cachedSteps;
import static dev.strata.it.embedded.RunJson.leg;
import static dev.strata.it.embedded.RunJson.legIds;
import static dev.strata.it.embedded.RunJson.single;
import static dev.strata.it.embedded.RunJson.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.it.fixture.LocalAiRepo;
import dev.strata.it.fixture.LocalServices;
import dev.strata.it.fixture.RegistryReader;
import dev.strata.it.fixture.TestProfile;
import dev.strata.launcher.EmbeddedPlatform;
import dev.strata.launcher.Strata;
import dev.strata.runtime.config.StrataConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The whole flow on real services, on the embedded platform: one JVM running the gateway, the
 * matrix role and the merge role on an H2 file store ({@link EmbeddedPlatform}, what {@code strata
 * serve} starts), two builder agents (the real builder-agent code, in this JVM) attached over the
 * agent API on HTTP, the local Docker engine (dockerd 20.10, BuildKit) and the local registry.
 * Triggers go through {@code POST /v1/triggers} with the ci token; the registry is read back
 * through its own HTTP API.
 *
 * <p>Scenario: a master push changing two backends builds exactly their three legs and publishes
 * complete indexes; a pull request reads the caches and writes none; a release tag publishes
 * version and {@code latest} tags for every group; {@code strata audit --format json} finds no
 * violation and the pull request's cache hits; a second gateway rebuilt from the store shows the
 * same run views as the live one.
 *
 * <p>Two architectures on one amd64 engine without QEMU: neither the builder-agent's tests (amd64
 * legs only) nor the merge-service's (they push a tiny arm64 image with the registry client,
 * bypassing the engine) build an arm64 leg on the engine. This test does, without faking it: the
 * fixture's C++-style Dockerfile cross-builds (its compile stage is pinned to {@code
 * $BUILDPLATFORM}, its final stage is {@code FROM scratch} of the target platform), so the arm64
 * leg is a real {@code docker build --platform linux/arm64} whose image config says arm64; see
 * {@link LocalAiRepo}.
 *
 * <p>A Darwin agent ({@link DarwinAgents}: the real darwin-agent code with darwin-agent's fake
 * brew/make/go, a directory cache store and the real registry publisher) serves {@code
 * macos-latest}. The pull request also changes kokoro, so it plans {@code darwin:kokoro}: the leg
 * restores its native caches and is verified, saving and publishing nothing. The release tag's full
 * run builds it again, saves its caches and publishes its 5.4 tags ({@code
 * v1.0.0-metal-darwin-arm64-kokoro}, {@code latest-...}) to both publish repositories, and the run
 * completes.
 */
class EmbeddedFlowIntegrationTest {
  private static final String REPOSITORY = "strata-e2e/localai";
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);
  private static final String RERANKERS = "-cpu-rerankers@single";
  private static final String AUDIO_AMD64 = "-cpu-audio-cpp@amd64";
  private static final String AUDIO_ARM64 = "-cpu-audio-cpp@arm64";
  private static final String KOKORO = "-cpu-kokoro@single";
  private static final String DARWIN_KOKORO = "darwin:kokoro";
  private static final String DARWIN_SUFFIX = "-metal-darwin-arm64-kokoro";

  private final String ns = LocalServices.namespace();
  private final String ciToken = "ci-" + UUID.randomUUID();
  private final RegistryReader registry = new RegistryReader();
  private Path tmp;
  private LocalAiRepo repo;
  private TestProfile profile;
  private StrataConfig config;
  private EmbeddedPlatform platform;
  private BuilderAgents agents;
  private DarwinAgents darwin;
  private GatewayApi api;

  @BeforeEach
  void start() throws Exception {
    LocalServices.require();
    tmp = Files.createTempDirectory("strata-e2e-");
    repo = LocalAiRepo.create(tmp.resolve("repo"));
    profile = TestProfile.write(ns, tmp.resolve("config"));
    String agentToken = "agent-" + UUID.randomUUID();
    config =
        StrataConfig.defaults()
            .withDataDir(tmp.resolve("data"))
            .withHttp(new StrataConfig.Http("127.0.0.1", 0))
            .withTokens(
                new StrataConfig.Tokens(
                    Optional.of(ciToken),
                    Optional.of(agentToken),
                    Optional.of("admin-" + UUID.randomUUID())));
    platform =
        EmbeddedPlatform.builder(config)
            .profile(profile.profile())
            .repository(repo.dir())
            .mergeConfig(profile.mergeConfig())
            .start();
    api = new GatewayApi(platform.gateway(), ciToken);
    agents =
        BuilderAgents.start(
            platform.gateway(), agentToken, profile.profile(), repo.dir(), tmp.resolve("agents"));
    darwin =
        DarwinAgents.start(
            platform.gateway(),
            agentToken,
            profile.profile(),
            profile.publishRepos(),
            tmp.resolve("darwin"));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      if (agents != null) {
        agents.close();
      }
      if (darwin != null) {
        darwin.close();
      }
    } finally {
      if (platform != null) {
        platform.close();
      }
      if (repo != null) {
        repo.close();
      }
      LocalServices.deleteTree(tmp);
      if (profile != null) {
        deleteImages();
      }
    }
  }

  // the namespace is unique per run; its tags go too, so runs do not pile up in the registry
  private void deleteImages() {
    List<String> repositories = new ArrayList<>(profile.publishRepos());
    repositories.add(profile.cacheRepo());
    repositories.add(profile.prRepo());
    for (String repository : repositories) {
      try {
        registry.deleteTagged(repository);
      } catch (Exception e) {
        System.err.println("Could not delete the test images of " + repository + ": " + e);
      }
    }
  }

  @Test
  void pushPullRequestAndTag_buildMergeAndPublish_auditClean_andReplayMatchesLiveViews()
      throws Exception {
    assertThat(platform.roles()).containsExactly("gateway", "matrix", "merge");
    String before = repo.head();

    String masterRun =
        masterPush_buildsExactlyTheChangedBackends_andPublishesCompleteIndexes(before);
    String prRun = pullRequest_readsCachesAndWritesNone();
    String tagRun = tagPush_publishesVersionAndLatestTags();
    audit_reportsNoViolation_andThePullRequestsCacheHits(prRun);
    replay_rebuildsTheSameRunViews(List.of(masterRun, prRun, tagRun));
  }

  private String masterPush_buildsExactlyTheChangedBackends_andPublishesCompleteIndexes(
      String before) throws Exception {
    String after =
        repo.commit(
            "rerankers: bump a dependency; audio-cpp: faster decoder",
            Map.of(
                "backend/python/rerankers/requirements.txt", "rerankers-dep==1.1\n",
                "backend/cpp/audio-cpp/decoder.c", "int decode(int x) { return x + 2; }\n"));
    String run =
        api.trigger(
            REPOSITORY, "push", GithubEvents.push(REPOSITORY, "refs/heads/master", before, after));

    List<JsonNode> events = awaitCompleted(run, "the master push's RunCompleted");

    assertThat(events.get(0).path("type").asText()).isEqualTo("TriggerReceived");
    JsonNode plan = single(events, "MatrixFiltered");
    assertThat(legIds(plan.path("legs")))
        .as(describe(events))
        .containsExactly(RERANKERS, AUDIO_AMD64, AUDIO_ARM64);
    assertThat(texts(plan.path("changedBackends")))
        .containsExactlyInAnyOrder("rerankers", "audio-cpp");
    assertThat(plan.path("runAll").asBoolean()).isFalse();
    Map<String, JsonNode> pushed = byLeg(ofType(events, "ArchDigestPushed"));
    assertThat(pushed).as(describe(events)).containsOnlyKeys(RERANKERS, AUDIO_AMD64, AUDIO_ARM64);
    pushed.values().forEach(p -> assertThat(p.path("cacheWritten")).isNotEmpty());
    pushed.values().forEach(p -> assertThat(p.path("provenance").asBoolean()).isFalse());
    assertThat(ofType(events, "ManifestMerged"))
        .extracting(m -> m.path("tagSuffix").asText())
        .containsExactlyInAnyOrder("-cpu-rerankers", "-cpu-audio-cpp");
    assertThat(single(events, "RunCompleted").path("outcome").asText()).isEqualTo("SUCCEEDED");

    String sha7 = after.substring(0, 7);
    for (String publish : profile.publishRepos()) {
      RegistryReader.Manifest index = index(publish, "master-cpu-audio-cpp");
      assertThat(index.architectures()).containsExactlyInAnyOrder("amd64", "arm64");
      assertThat(texts(index.body().path("manifests"), "digest"))
          .containsExactlyInAnyOrder(
              pushed.get(AUDIO_AMD64).path("digest").asText(),
              pushed.get(AUDIO_ARM64).path("digest").asText());
      assertThat(index(publish, "sha-" + sha7 + "-cpu-audio-cpp").digest())
          .isEqualTo(index.digest());
      assertThat(index(publish, "master-cpu-rerankers").architectures()).containsExactly("amd64");
      assertThat(registry.tags(publish)).noneMatch(t -> t.contains("kokoro"));
    }
    // the arm64 leg's image is arm64 by its own config, not only by the index's say-so
    String quay = profile.publishRepos().get(0);
    JsonNode arm = manifestOf(quay, pushed.get(AUDIO_ARM64));
    JsonNode armConfig = registry.jsonBlob(quay, arm.path("config").path("digest").asText());
    assertThat(armConfig.path("architecture").asText()).isEqualTo("arm64");
    assertThat(armConfig.path("os").asText()).isEqualTo("linux");
    assertThat(registry.tagDigests(profile.cacheRepo()))
        .containsKeys(
            "cache-cpu-rerankers-", "cache-cpu-audio-cpp-amd64", "cache-cpu-audio-cpp-arm64");
    return run;
  }

  private String pullRequest_readsCachesAndWritesNone() throws Exception {
    Map<String, String> cacheBefore = registry.tagDigests(profile.cacheRepo());
    Map<String, Map<String, String>> publishedBefore = published();
    String base = repo.head();
    repo.branch("feature");
    String head =
        repo.commit(
            "rerankers: log requests; audio-cpp: server flag; kokoro: voices",
            Map.of(
                "backend/python/rerankers/backend.py", "print('rerankers, logging')\n",
                "backend/cpp/audio-cpp/server.c", "int main(void) { return 0 * 1; }\n",
                "backend/python/kokoro/voices.txt", "af_heart\n"));
    repo.checkout("master");
    String merge = repo.pullRequest(7, base, head);
    String run =
        api.trigger(
            REPOSITORY, "pull_request", GithubEvents.pullRequest(REPOSITORY, 7, base, head, merge));

    List<JsonNode> events = awaitCompleted(run, "the pull request's RunCompleted");

    assertThat(legIds(single(events, "MatrixFiltered").path("legs")))
        .containsExactly(RERANKERS, KOKORO, AUDIO_AMD64, AUDIO_ARM64, DARWIN_KOKORO);
    assertThat(ofType(events, "ArchDigestPushed")).as(describe(events)).isEmpty();
    assertThat(ofType(events, "ManifestMerged")).isEmpty();
    assertThat(single(events, "RunCompleted").path("outcome").asText()).isEqualTo("SUCCEEDED");
    Map<String, JsonNode> verified = byLeg(ofType(events, "LegVerified"));
    assertThat(verified)
        .as(describe(events))
        .containsOnlyKeys(RERANKERS, KOKORO, AUDIO_AMD64, AUDIO_ARM64, DARWIN_KOKORO);
    verified.values().forEach(v -> assertThat(v.path("cacheWritten")).as(v.toString()).isEmpty());
    // the Darwin leg restores its native caches (none saved yet: the master push had no kokoro)
    List<JsonNode> restored = ofType(events, "DarwinCacheRestored");
    assertThat(restored)
        .as(describe(events))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.path("legId").asText()).isEqualTo(DARWIN_KOKORO));
    assertThat(restored).extracting(r -> r.path("cache").asText()).contains("go", "homebrew");
    assertThat(ofType(events, "DarwinCacheSaved")).as(describe(events)).isEmpty();
    for (String id : List.of(RERANKERS, AUDIO_AMD64, AUDIO_ARM64)) {
      JsonNode leg = verified.get(id);
      assertThat(leg.path("cacheRead")).as(leg.toString()).isNotEmpty();
      assertThat(leg.path("cacheWritten")).as(leg.toString()).isEmpty();
      assertThat(cachedSteps(leg)).as(leg.toString()).isPositive();
    }
    assertThat(registry.tagDigests(profile.cacheRepo()))
        .as("cache tags and their digests after the pull request")
        .isEqualTo(cacheBefore);
    assertThat(published()).isEqualTo(publishedBefore);
    assertThat(registry.tags(profile.prRepo())).isNotEmpty();
    return run;
  }

  private String tagPush_publishesVersionAndLatestTags() throws Exception {
    String sha = repo.head();
    repo.tag("v1.0.0");
    String run =
        api.trigger(
            REPOSITORY,
            "push",
            GithubEvents.push(REPOSITORY, "refs/tags/v1.0.0", "0".repeat(40), sha));

    List<JsonNode> events = awaitCompleted(run, "the tag run's RunCompleted");

    assertThat(single(events, "RunCompleted").path("outcome").asText())
        .as(describe(events))
        .isEqualTo("SUCCEEDED");
    assertThat(ofType(events, "ManifestMerged"))
        .extracting(m -> m.path("tagSuffix").asText())
        .contains("-cpu-rerankers", "-cpu-kokoro", "-cpu-audio-cpp");
    JsonNode plan = single(events, "MatrixFiltered");
    assertThat(plan.path("runAll").asBoolean()).isTrue();
    assertThat(legIds(plan.path("legs")))
        .containsExactly(RERANKERS, KOKORO, AUDIO_AMD64, AUDIO_ARM64, DARWIN_KOKORO);
    for (String publish : profile.publishRepos()) {
      for (String group : List.of("-cpu-rerankers", "-cpu-kokoro", "-cpu-audio-cpp")) {
        RegistryReader.Manifest version = index(publish, "v1.0.0" + group);
        assertThat(index(publish, "latest" + group).digest()).isEqualTo(version.digest());
        assertThat(index(publish, "sha-" + sha.substring(0, 7) + group).digest())
            .isEqualTo(version.digest());
      }
      assertThat(index(publish, "latest-cpu-audio-cpp").architectures())
          .containsExactlyInAnyOrder("amd64", "arm64");
    }
    // the Darwin leg is built, saves its caches, and publishes its 5.4 tags itself (no merge)
    assertThat(darwin.failure()).as("the Darwin agent's loop").isNull();
    JsonNode darwinPush = byLeg(ofType(events, "ArchDigestPushed")).get(DARWIN_KOKORO);
    assertThat(darwinPush).as(describe(events)).isNotNull();
    assertThat(ofType(events, "DarwinCacheSaved"))
        .as(describe(events))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.path("legId").asText()).isEqualTo(DARWIN_KOKORO));
    for (String publish : profile.publishRepos()) {
      RegistryReader.Manifest version = index(publish, "v1.0.0" + DARWIN_SUFFIX);
      assertThat(version.digest()).isEqualTo(darwinPush.path("digest").asText());
      assertThat(index(publish, "latest" + DARWIN_SUFFIX).digest()).isEqualTo(version.digest());
    }
    JsonNode view = api.run(run);
    JsonNode darwinLeg = leg(view, DARWIN_KOKORO);
    assertThat(darwinLeg.path("darwin").asBoolean()).isTrue();
    assertThat(darwinLeg.path("state").asText()).as(darwinLeg.toString()).isEqualTo("BUILT");
    assertThat(view.path("state").asText()).isEqualTo("SUCCEEDED");
    return run;
  }

  private void audit_reportsNoViolation_andThePullRequestsCacheHits(String prRun) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Strata.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit =
        cli.execute(
            "audit", "--data-dir", config.dataDir().toString(), "--format", "json", "--quiet");
    assertThat(exit).as("strata audit exit code; stderr: " + err).isZero();
    JsonNode report = api.json().readTree(out.toString());

    assertThat(report.path("violations")).as(report.path("violations").toString()).isEmpty();
    assertThat(report.path("invariants"))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.path("violations").asLong()).as(i.toString()).isZero());
    // 1 (a pull request wrote a cache or published, Darwin saves included) and 10 (an ungated
    // Darwin save of a pull request): the pull request ran a Darwin leg, so both were exercised
    Map<Integer, JsonNode> counts = new LinkedHashMap<>();
    report.path("invariants").forEach(i -> counts.put(i.path("invariant").asInt(), i));
    assertThat(counts).containsKeys(1, 10);
    assertThat(counts.get(1).path("violations").asLong()).as(counts.get(1).toString()).isZero();
    assertThat(counts.get(10).path("violations").asLong()).as(counts.get(10).toString()).isZero();
    assertThat(report.path("violations"))
        .noneMatch(
            v ->
                List.of("pr-darwin-save", "ungated-pr-save", "pr-cache-to", "pr-publish")
                    .contains(v.path("rule").asText()));
    for (String suffix : List.of("cpu-rerankers-", "cpu-audio-cpp-amd64", "cpu-audio-cpp-arm64")) {
      String ref = profile.cacheRepo() + ":cache-" + suffix;
      JsonNode cache =
          StreamSupport.stream(report.path("cacheRefs").spliterator(), false)
              .filter(c -> c.path("ref").asText().equals(ref))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no cache ref " + ref + " in " + report));
      List<JsonNode> prReads =
          StreamSupport.stream(cache.path("latestReads").spliterator(), false)
              .filter(r -> r.path("run").asText().equals(prRun))
              .toList();
      assertThat(prReads).as(cache.toString()).singleElement();
      assertThat(prReads.get(0).path("cachedSteps").asLong()).as(cache.toString()).isPositive();
      assertThat(cache.path("latestWrites")).noneMatch(w -> w.path("run").asText().equals(prRun));
    }
  }

  private void replay_rebuildsTheSameRunViews(List<String> runs) throws Exception {
    agents.close(); // nothing may change the log while the views are compared
    darwin.close();
    // a second gateway on the same store: its projection starts empty and replays the log
    try (EmbeddedPlatform replayed =
        EmbeddedPlatform.builder(config).roles(List.of("gateway")).start()) {
      GatewayApi fresh = new GatewayApi(replayed.gateway(), ciToken);
      String[] difference = {"no answer yet"};
      GatewayApi.await(
          "the replayed gateway's run views to equal the live gateway's",
          Duration.ofMinutes(1),
          () -> (difference[0] = ReplayedViews.difference(api, fresh, runs)) == null,
          () -> "last difference: " + difference[0]);
      assertThat(ReplayedViews.views(fresh, runs)).isEqualTo(ReplayedViews.views(api, runs));
      assertThat(fresh.get("/v1/runs")).isEqualTo(api.get("/v1/runs"));
      for (String run : runs) {
        // the replayed view has seen exactly the run's stored events, up to its last sequence
        List<JsonNode> stored = api.events(run);
        assertThat(fresh.run(run).path("version").asLong())
            .as("replayed version of run %s", run)
            .isEqualTo(stored.get(stored.size() - 1).path("sequence").asLong());
      }
    }
  }

  private List<JsonNode> awaitCompleted(String run, String what) throws Exception {
    List<JsonNode> events =
        api.awaitEvents(run, what, RUN_TIMEOUT, e -> !ofType(e, "RunCompleted").isEmpty());
    return events;
  }

  private Map<String, Map<String, String>> published() throws Exception {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (String publish : profile.publishRepos()) {
      out.put(publish, registry.tagDigests(publish));
    }
    return out;
  }

  private RegistryReader.Manifest index(String repository, String tag) throws Exception {
    return registry
        .manifest(repository, tag)
        .orElseThrow(
            () ->
                new AssertionError(
                    "no tag " + tag + " in " + repository + "; it has " + tagsOf(repository)));
  }

  private String tagsOf(String repository) {
    try {
      return registry.tags(repository).toString();
    } catch (Exception e) {
      return "(cannot list: " + e + ")";
    }
  }

  private JsonNode manifestOf(String repository, JsonNode pushed) throws Exception {
    return registry
        .manifest(repository, pushed.path("digest").asText())
        .orElseThrow(() -> new AssertionError("pushed digest missing: " + pushed))
        .body();
  }
}
