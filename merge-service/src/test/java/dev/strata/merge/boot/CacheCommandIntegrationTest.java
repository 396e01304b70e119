package dev.strata.merge.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.cache.api.CacheEvicted;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.merge.adapter.registry.HttpImageRegistry;
import dev.strata.merge.core.IndexEntry;
import dev.strata.merge.core.OciIndex;
import dev.strata.merge.core.Platform;
import dev.strata.merge.testing.RunDriver;
import dev.strata.runtime.DomainModule;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StrataConfig;
import dev.strata.runtime.registry.RegistryClient;
import dev.strata.runtime.registry.RegistryCredentials;
import dev.strata.runtime.registry.RegistryTransport;
import dev.strata.runtime.testing.SharedRegistry;
import dev.strata.runtime.testing.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code strata cache list|evict|gc} against the shared registry and an embedded event store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CacheCommandIntegrationTest {
  private static final Clock FORTY_DAYS_LATER =
      Clock.fixed(RunDriver.T0.plus(Duration.ofDays(40)), ZoneOffset.UTC);

  private final RegistryClient registry =
      new RegistryClient(RegistryTransport.standard(RegistryCredentials.none()));
  private StrataRuntime runtime;

  @BeforeAll
  void start(@TempDir Path dataDir) throws Exception {
    runtime =
        StrataRuntime.builder(StrataConfig.defaults().withDataDir(dataDir))
            .install(new DomainModule())
            .build()
            .start();
  }

  @AfterAll
  void stop() {
    runtime.close();
  }

  private record Result(int exit, String out, String err) {}

  private Result strataCache(ImageRef cacheRepo, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CacheContext.Opener opener =
        () ->
            new CacheContext(
                new HttpImageRegistry(registry),
                runtime.commandGateway(),
                runtime.eventStore(),
                List.of(cacheRepo),
                FORTY_DAYS_LATER,
                () -> {});
    int exit =
        new CommandLine(new CacheCommand(opener))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** Tags {@code tags} onto one fresh cache-like manifest (an index, as BuildKit caches are). */
  private Digest cacheTag(ImageRef repo, String seed, String... tags) throws Exception {
    TestImages.Pushed image = TestImages.push(registry, repo, "amd64", seed);
    var index =
        OciIndex.of(
            List.of(
                new IndexEntry(
                    image.manifest().mediaType(),
                    image.digest(),
                    image.manifest().size(),
                    new Platform("linux", "amd64", null))));
    for (String tag : tags) {
      registry.pushIndex(repo, tag, index);
    }
    return index.digest();
  }

  private List<CacheEvicted> evictions() {
    List<CacheEvicted> found = new ArrayList<>();
    EventLogReader.readAll(
        runtime.eventStore(),
        (payload, token) -> {
          if (payload instanceof CacheEvicted e) {
            found.add(e);
          }
        });
    return found;
  }

  private void recordBuild(ImageRef cacheRepo, List<String> read, List<String> written)
      throws Exception {
    RunDriver run =
        new RunDriver(
            runtime.commandGateway(),
            runtime.eventStore(),
            RunId.of("c" + (System.nanoTime() % 100_000_000)),
            TagSuffix.of("-cpu-cache"));
    run.start(
        Trigger.push(
            Repository.parse("mudler/LocalAI"),
            "master",
            CommitSha.parse("1".repeat(40)),
            CommitSha.parse("2".repeat(40)),
            false));
    run.plan(List.of("amd64"), List.of("amd64"), "auto");
    run.pushed(
        "amd64",
        new Digest("sha256:" + "c".repeat(64)),
        List.of(),
        null,
        read.stream().map(t -> CacheRef.of(cacheRepo.repository(), t)).toList(),
        written.stream().map(t -> CacheRef.of(cacheRepo.repository(), t)).toList());
  }

  @Test
  void list_showsEveryTagWithKindLastWriteReadsAndSize() throws Exception {
    ImageRef repo = SharedRegistry.freshRepository("ci-cache");
    cacheTag(repo, "list-a", "cache-cpu-list-amd64");
    cacheTag(repo, "list-k", "keepalive-r1-cpu-list-amd64");
    recordBuild(repo, List.of(), List.of("cache-cpu-list-amd64"));
    recordBuild(repo, List.of("cache-cpu-list-amd64"), List.of());

    Result result = strataCache(repo, "list");

    assertThat(result.exit()).as(result.err()).isZero();
    String[] lines = result.out().split("\n");
    assertThat(lines[0]).startsWith("TAG").contains("LAST WRITE", "READS", "SIZE");
    assertThat(lines[1])
        .startsWith(repo + ":cache-cpu-list-amd64")
        .contains("cache", RunDriver.T0.plusSeconds(60).toString(), "(push refs/heads/master)")
        .containsPattern(" 1 +\\d+\\.\\d KiB$");
    assertThat(lines[2]).startsWith(repo + ":keepalive-r1-cpu-list-amd64").contains("keepalive");
  }

  @Test
  void evict_deletesTheManifestAndRecordsWhoWhyAndDigest() throws Exception {
    ImageRef repo = SharedRegistry.freshRepository("ci-cache");
    Digest digest = cacheTag(repo, "evict", "cache-cpu-evict-amd64");

    Result result =
        strataCache(
            repo, "evict", repo + ":cache-cpu-evict-amd64", "--reason", "poisoned", "--by", "ann");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(registry.resolveTag(repo.withTag("cache-cpu-evict-amd64"))).isEmpty();
    assertThat(evictions())
        .filteredOn(e -> e.ref().equals(repo + ":cache-cpu-evict-amd64"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.digest()).isEqualTo(digest);
              assertThat(e.reason()).isEqualTo("poisoned");
              assertThat(e.evictedBy()).isEqualTo("user:ann");
              assertThat(e.store()).isEqualTo("registry");
              assertThat(e.alsoRemoved()).isEmpty();
            });
  }

  @Test
  void evictingAnAbsentTag_isAClear404_notAStackTrace() {
    ImageRef repo = SharedRegistry.freshRepository("ci-cache");

    Result result = strataCache(repo, "evict", repo + ":cache-nothing-amd64");

    assertThat(result.exit()).isEqualTo(CacheCommand.EXIT_REFUSED);
    assertThat(result.err())
        .isEqualTo(
            "strata cache: Tried to evict "
                + repo
                + ":cache-nothing-amd64 but failed because: 404 there is no such tag in "
                + repo
                + " (nothing to evict; `strata cache list --repo "
                + repo
                + "` shows its tags)\n");
  }

  @Test
  void evictingATagWhoseDigestCarriesOthers_warnsFirst_andForceTakesThemAll() throws Exception {
    ImageRef repo = SharedRegistry.freshRepository("ci-cache");
    Digest digest = cacheTag(repo, "shared", "cache-cpu-shared-amd64", "cache-cpu-alias-amd64");

    Result warned = strataCache(repo, "evict", repo + ":cache-cpu-shared-amd64");

    assertThat(warned.exit()).isEqualTo(CacheCommand.EXIT_REFUSED);
    assertThat(warned.err())
        .contains("also carries [cache-cpu-alias-amd64]")
        .contains("re-run with --force");
    assertThat(registry.resolveTag(repo.withTag("cache-cpu-shared-amd64"))).contains(digest);

    Result forced = strataCache(repo, "evict", repo + ":cache-cpu-shared-amd64", "--force");

    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(forced.out()).contains("also removed: [cache-cpu-alias-amd64]");
    assertThat(registry.resolveTag(repo.withTag("cache-cpu-alias-amd64"))).isEmpty();
    assertThat(evictions())
        .filteredOn(e -> e.ref().equals(repo + ":cache-cpu-shared-amd64"))
        .singleElement()
        .satisfies(e -> assertThat(e.alsoRemoved()).containsExactly("cache-cpu-alias-amd64"));
  }

  @Test
  void gc_evictsOnlyCachesUnusedForLongerThanTheAge_keepingTagsTheLogNeverSaw() throws Exception {
    ImageRef repo = SharedRegistry.freshRepository("ci-cache");
    cacheTag(repo, "gc-old", "cache-cpu-old-amd64");
    cacheTag(repo, "gc-unknown", "cache-cpu-unknown-amd64");
    cacheTag(repo, "gc-keep", "keepalive-r9-cpu-old-amd64");
    recordBuild(repo, List.of(), List.of("cache-cpu-old-amd64"));

    Result young = strataCache(repo, "gc", "--older-than", "50d");
    Result dry = strataCache(repo, "gc", "--older-than", "30d", "--dry-run");

    assertThat(young.out()).contains("cache-cpu-old-amd64: kept: used ");
    assertThat(dry.out())
        .contains("cache-cpu-old-amd64: would evict: gc: not written or read since")
        .contains("cache-cpu-unknown-amd64: kept: the log never saw a build write or read it")
        .doesNotContain("keepalive");
    assertThat(registry.resolveTag(repo.withTag("cache-cpu-old-amd64"))).isPresent();

    Result real = strataCache(repo, "gc", "--older-than", "30d");

    assertThat(real.exit()).as(real.err()).isZero();
    assertThat(real.out()).contains("cache-cpu-old-amd64: evicted: gc:");
    assertThat(registry.resolveTag(repo.withTag("cache-cpu-old-amd64"))).isEmpty();
    assertThat(registry.resolveTag(repo.withTag("cache-cpu-unknown-amd64"))).isPresent();
    assertThat(evictions())
        .filteredOn(e -> e.ref().equals(repo + ":cache-cpu-old-amd64"))
        .singleElement()
        .satisfies(e -> assertThat(e.evictedBy()).isEqualTo("gc"));
  }

  @Test
  void gc_withAMalformedAge_saysWhatToWrite() {
    Result result =
        strataCache(SharedRegistry.freshRepository("ci-cache"), "gc", "--older-than", "a month");

    assertThat(result.exit()).isEqualTo(CacheCommand.EXIT_REFUSED);
    assertThat(result.err()).contains("e.g. --older-than 30d");
  }
}
