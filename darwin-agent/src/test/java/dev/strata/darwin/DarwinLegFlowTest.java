package dev.strata.darwin;

import static dev.strata.domain.run.api.CacheOutcome.CORRUPT;
import static dev.strata.domain.run.api.CacheOutcome.HIT;
import static dev.strata.domain.run.api.CacheOutcome.MISS;
import static dev.strata.domain.run.api.CacheOutcome.PARTIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.strata.darwin.adapter.dir.DirectoryCacheStore;
import dev.strata.darwin.core.LegReport;
import dev.strata.darwin.testing.DarwinFixture;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordDarwinCacheRestore;
import dev.strata.domain.run.api.RecordDarwinCacheSave;
import dev.strata.domain.run.api.RecordLegFailure;
import dev.strata.domain.run.api.RecordLegVerified;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore/save flow of a Darwin leg on Linux, with fake brew/go/make/ccache that create files
 * in the cached directories, a directory cache store and a fresh home directory per job.
 */
class DarwinLegFlowTest {
  private static final String WHEELS_PREFIX = "pyenv-darwin-vllm-";
  @TempDir Path tmp;
  private DarwinFixture f;
  private DirectoryCacheStore store;

  @BeforeEach
  void setUp() throws Exception {
    store = new DirectoryCacheStore(tmp.resolve("cache-store"));
    f = new DarwinFixture(tmp, store);
  }

  private java.util.List<RecordDarwinCacheRestore> restores() {
    return f.controlPlane.of(RecordDarwinCacheRestore.class);
  }

  private java.util.List<RecordDarwinCacheSave> saves() {
    return f.controlPlane.of(RecordDarwinCacheSave.class);
  }

  @Test
  void firstRun_missesEveryCacheAndSavesThem() throws Exception {
    LegReport report = f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));

    assertThat(report.succeeded()).as(report.failure()).isTrue();
    assertThat(restores())
        .extracting(RecordDarwinCacheRestore::cache, RecordDarwinCacheRestore::outcome)
        .containsExactly(tuple("go", MISS), tuple("homebrew", MISS), tuple("wheels", MISS));
    assertThat(saves())
        .extracting(RecordDarwinCacheSave::cache, RecordDarwinCacheSave::gated)
        .containsExactly(tuple("go", true), tuple("homebrew", true), tuple("wheels", true));
    assertThat(restores().get(0).key()).matches("setup-go-macOS-arm64-go-1\\.25\\.3-[0-9a-f]{64}");
    assertThat(restores().get(1).key()).matches("brew-macOS-ARM64-v1-[0-9a-f]{64}");
    assertThat(restores().get(2).key()).matches("pyenv-darwin-vllm-2026-W45-[0-9a-f]{64}");
    assertThat(store.list()).hasSize(3);
    assertThat(saves()).allSatisfy(s -> assertThat(s.bytes()).isPositive());
    assertThat(f.workspace.resolve("build/vllm.state")).content().startsWith("wheels=cold");
  }

  @Test
  void secondRun_hitsEveryCacheExactly_restoresTheFiles_andSavesNothing() throws Exception {
    f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));
    f.controlPlane.clear();

    LegReport report = f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));

    assertThat(report.succeeded()).isTrue();
    assertThat(restores())
        .extracting(RecordDarwinCacheRestore::outcome)
        .containsExactly(HIT, HIT, HIT);
    assertThat(restores()).allSatisfy(r -> assertThat(r.matchedKey()).isEqualTo(r.key()));
    assertThat(saves()).isEmpty();
    assertThat(f.workspace.resolve("build/vllm.state")).content().startsWith("wheels=restored");
    assertThat(f.lastHome.resolve("go/pkg/mod/google.golang.org/grpc@v1/go.mod")).exists();
  }

  @Test
  void changedRequirements_missExactly_restoreFromThePrefix_andSaveTheNewKey() throws Exception {
    f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));
    String oldKey = restores().get(2).key();
    f.controlPlane.clear();
    f.write("backend/python/vllm/requirements.txt", "vllm==0.10\n");

    f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));

    RecordDarwinCacheRestore wheels = restores().get(2);
    assertThat(wheels.key()).startsWith(WHEELS_PREFIX).isNotEqualTo(oldKey);
    assertThat(wheels.outcome()).isEqualTo(PARTIAL);
    assertThat(wheels.matchedKey()).isEqualTo(oldKey);
    assertThat(restores().subList(0, 2))
        .extracting(RecordDarwinCacheRestore::outcome)
        .containsOnly(HIT);
    assertThat(saves()).extracting(RecordDarwinCacheSave::key).containsExactly(wheels.key());
    assertThat(f.workspace.resolve("build/vllm.state")).content().startsWith("wheels=restored");
  }

  @Test
  void pullRequest_restoresButNeverSaves_andPublishesNothing() throws Exception {
    f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));
    f.controlPlane.clear();
    f.publishedTarballs.clear();
    f.write("backend/python/vllm/requirements.txt", "vllm==0.11\n");
    f.write("go.sum", "changed\n");

    LegReport report = f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.pullRequest()));

    assertThat(report.succeeded()).isTrue();
    assertThat(restores())
        .extracting(RecordDarwinCacheRestore::outcome)
        .containsExactly(MISS, HIT, PARTIAL);
    assertThat(saves()).isEmpty();
    assertThat(f.publishedTarballs).isEmpty();
    assertThat(f.controlPlane.of(RecordLegVerified.class)).hasSize(1);
    assertThat(report.artifact()).hasFileName("vllm.tar").exists();
    assertThat(report.artifact().getParent()).hasFileName("vllm-tar");
  }

  @Test
  void pullRequest_withLocalAisUngatedGoSave_savesGoOnly_markedUngated() throws Exception {
    f.profile = f.profile.withGoSaveGate(false);

    f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.pullRequest()));

    assertThat(saves())
        .extracting(RecordDarwinCacheSave::cache, RecordDarwinCacheSave::gated)
        .containsExactly(tuple("go", false));
  }

  @Test
  void llamaCpp_restoresCcacheByPrefixFromTheLastRun_andSavesEveryRun() throws Exception {
    var llama = DarwinFixture.entry("llama-cpp", "metal", "go");
    f.run(f.leg(llama, DarwinFixture.push()));
    RecordDarwinCacheRestore first = restores().get(2);
    f.controlPlane.clear();

    LegReport second = f.run(f.leg(llama, DarwinFixture.push()));

    assertThat(first.cache()).isEqualTo("ccache");
    assertThat(first.key()).isEqualTo("ccache-llama-ARM64-b1234-run1");
    assertThat(first.outcome()).isEqualTo(MISS);
    RecordDarwinCacheRestore ccache = restores().get(2);
    assertThat(ccache.key()).isEqualTo("ccache-llama-ARM64-b1234-run2");
    assertThat(ccache.outcome()).isEqualTo(PARTIAL);
    assertThat(ccache.matchedKey()).isEqualTo("ccache-llama-ARM64-b1234-run1");
    assertThat(restores()).extracting(RecordDarwinCacheRestore::cache).doesNotContain("wheels");
    assertThat(saves())
        .extracting(RecordDarwinCacheSave::key)
        .containsExactly("ccache-llama-ARM64-b1234-run2");
    String state = Files.readString(f.workspace.resolve("build/llama-cpp.state"));
    assertThat(state)
        .startsWith("ccache=restored")
        .contains("-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache");
    assertThat(second.succeeded()).isTrue();
  }

  @Test
  void dependencyStep_andRouting_runAsLocalAiDoes() throws Exception {
    f.run(f.leg(DarwinFixture.entry("llama-cpp", "metal", "go"), DarwinFixture.push()));
    var llamaCalls = f.tools.calls();
    f.tools.clearCalls();
    f.run(f.leg(DarwinFixture.python("diffusers"), DarwinFixture.push()));
    var pythonCalls = f.tools.calls();

    assertThat(llamaCalls)
        .containsSubsequence(
            "go version",
            "brew install protobuf grpc make protoc-gen-go protoc-gen-go-grpc libomp llvm ccache"
                + " blake3 fmt hiredis xxhash zstd nlohmann-json opus pkg-config",
            "brew reinstall ccache",
            "brew reinstall grpc",
            "brew link --overwrite protobuf grpc make protoc-gen-go protoc-gen-go-grpc libomp llvm"
                + " ccache blake3 fmt hiredis xxhash zstd nlohmann-json opus pkg-config",
            "ccache -M 2G",
            "ccache -z",
            "make protogen-go",
            "make backends/llama-cpp-darwin",
            "ccache -s");
    assertThat(pythonCalls)
        .containsSubsequence(
            "brew link --overwrite protobuf grpc make protoc-gen-go protoc-gen-go-grpc libomp llvm ccache blake3 fmt hiredis xxhash zstd nlohmann-json opus pkg-config",
            "make protogen-go",
            "make build-darwin-python-backend")
        .noneMatch(c -> c.startsWith("ccache"));
    assertThat(f.workspace.resolve("build/diffusers.state"))
        .content()
        .contains("BUILD_TYPE=mps USE_PIP=true");
  }

  @Test
  void corruptArchive_isDetectedByChecksum_reportedDeletedAndTreatedAsAMiss() throws Exception {
    f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));
    String wheelsKey = restores().get(2).key();
    Path archive = store.archive(wheelsKey);
    try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.WRITE)) {
      ch.truncate(Files.size(archive) / 2);
    }
    f.controlPlane.clear();

    LegReport report = f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));

    RecordDarwinCacheRestore wheels = restores().get(2);
    assertThat(wheels.outcome()).isEqualTo(CORRUPT);
    assertThat(wheels.matchedKey()).isEqualTo(wheelsKey);
    assertThat(report.steps().steps())
        .anySatisfy(s -> assertThat(s.error()).contains("checksum mismatch"));
    assertThat(report.succeeded()).isTrue();
    assertThat(f.workspace.resolve("build/vllm.state")).content().startsWith("wheels=cold");
    assertThat(saves()).extracting(RecordDarwinCacheSave::key).containsExactly(wheelsKey);
    assertThat(store.find(wheelsKey).orElseThrow().bytes()).isEqualTo(saves().get(0).bytes());
  }

  @Test
  void failingBuild_reportsTheStepAndLastLines_andSavesNothing() throws Exception {
    var machine = f.freshMachine();
    var failing =
        new dev.strata.darwin.core.Machine(
            machine.home(),
            machine.brewPrefix(),
            machine.runnerOs(),
            machine.runnerArch(),
            machine.nodeArch(),
            machine.path(),
            java.util.Map.of(
                "HOMEBREW_PREFIX",
                machine.brewPrefix().toString(),
                "FAKE_MAKE_FAIL",
                "build-darwin-python-backend"));

    LegReport report =
        f.runner(failing)
            .run(
                dev.strata.domain.leg.api.AgentId.of("agent-1"),
                f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()),
                f.workspace);

    assertThat(report.succeeded()).isFalse();
    RecordLegFailure failure = f.controlPlane.of(RecordLegFailure.class).get(0);
    assertThat(failure.failedStep()).isEqualTo("make build-darwin-python-backend");
    assertThat(failure.reason()).contains("exited 2");
    assertThat(failure.lastLogLines())
        .containsExactly("compiling build-darwin-python-backend", "error: boom");
    assertThat(saves()).isEmpty();
  }

  @Test
  void pushRun_publishesUnderTheMetadataTags_andReportsTheDigest() throws Exception {
    f.run(f.leg(DarwinFixture.python("vllm"), DarwinFixture.push()));

    RecordArchDigest pushed = f.controlPlane.of(RecordArchDigest.class).get(0);
    assertThat(pushed.pushedTo())
        .extracting(Object::toString)
        .containsExactly(
            "127.0.0.1:5000/test/local-ai-backends:master-metal-darwin-arm64-vllm",
            "127.0.0.1:5000/test/local-ai-backends:sha-abc1234-metal-darwin-arm64-vllm");
    assertThat(f.publishedTarballs).hasSize(1);
    assertThat(pushed.inputs().buildArg("BACKEND")).isEqualTo("vllm");
    assertThat(pushed.steps().steps())
        .extracting(s -> s.name())
        .contains("make build-darwin-python-backend");
  }
}
