package dev.strata.darwin.testing;

import dev.strata.darwin.adapter.archive.TarZstdArchiver;
import dev.strata.darwin.adapter.oci.OciLayoutTarball;
import dev.strata.darwin.adapter.process.ProcessRunner;
import dev.strata.darwin.core.CacheBudget;
import dev.strata.darwin.core.DarwinLegRunner;
import dev.strata.darwin.core.DarwinProfile;
import dev.strata.darwin.core.LegReport;
import dev.strata.darwin.core.Machine;
import dev.strata.darwin.port.CacheStore;
import dev.strata.darwin.port.ClaimedLeg;
import dev.strata.darwin.port.ControlPlane;
import dev.strata.darwin.port.ImagePublisher;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A LocalAI-shaped checkout, fake tools, a cache store and a recording control plane. Each {@link
 * #run} uses a fresh home directory and Homebrew prefix, like a fresh CI runner.
 */
public final class DarwinFixture {
  public static final Repository REPO = Repository.parse("mudler/LocalAI");
  public static final CommitSha SHA = CommitSha.parse("abc1234" + "0".repeat(33));

  public final Path root;
  public final Path workspace;
  public final FakeToolchain tools;
  public final RecordingControlPlane controlPlane = new RecordingControlPlane();
  public final TickingClock clock =
      new TickingClock(Instant.parse("2026-11-02T10:00:00Z"), Duration.ofSeconds(1));
  public final List<Path> publishedTarballs = new ArrayList<>();

  /** The progress lines the runner printed, in order. */
  public final List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();

  public CacheStore store;
  public DarwinProfile profile;
  public ImagePublisher publisher =
      (tarball, tags) -> {
        publishedTarballs.add(tarball);
        return Digest.of("sha256:" + "d".repeat(64));
      };
  public long budget = CacheBudget.DEFAULT_BYTES;
  public Path lastHome;
  private final AtomicInteger runs = new AtomicInteger();
  private final AtomicInteger ids = new AtomicInteger();

  public DarwinFixture(Path root, CacheStore store) throws IOException {
    this.root = root;
    this.store = store;
    this.workspace = Files.createDirectories(root.resolve("workspace"));
    this.tools = FakeToolchain.install(root);
    this.profile =
        ShippedProfile.localAi(List.of(ImageRef.of("127.0.0.1:5000/test/local-ai-backends")))
            .withPackageDir("build/{backend}");
    write("go.sum", "google.golang.org/grpc v1.70.0 h1:abc=\n");
    write(".github/workflows/backend_build_darwin.yml", "name: darwin\n");
    write("backend/python/vllm/requirements.txt", "vllm==0.9\n");
    write("backend/python/vllm/requirements-mps.txt", "torch\n");
    write("backend/cpp/llama-cpp/Makefile", "LLAMA_VERSION?=b1234\nOTHER=1\n");
  }

  public void write(String relative, String content) throws IOException {
    Path file = workspace.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  public static DarwinEntry python(String backend) {
    return entry(backend, "mps", null);
  }

  public static DarwinEntry entry(String backend, String buildType, String lang) {
    Map<String, Scalar> f = new LinkedHashMap<>();
    f.put("backend", Scalar.string(backend));
    f.put("tag-suffix", Scalar.string("-metal-darwin-arm64-" + backend));
    if (buildType != null) {
      f.put("build-type", Scalar.string(buildType));
    }
    if (lang != null) {
      f.put("lang", Scalar.string(lang));
    }
    return new DarwinEntry(f);
  }

  public static Trigger push() {
    return Trigger.push(REPO, "master", CommitSha.ZERO, SHA, false);
  }

  public static Trigger pullRequest() {
    return Trigger.pullRequest(
        REPO, 11000, CommitSha.parse("1".repeat(40)), CommitSha.parse("2".repeat(40)), SHA, false);
  }

  /** A new leg of a new run. */
  public ClaimedLeg leg(DarwinEntry entry, Trigger trigger) {
    RunId run = RunId.of("run" + runs.incrementAndGet());
    return new ClaimedLeg(
        run, LegId.darwin(entry.backend()), entry, trigger, clock.instant().plusSeconds(600), 0);
  }

  /** A fresh machine for one job. */
  public Machine freshMachine() throws IOException {
    Path job =
        Files.createDirectories(root.resolve("job" + runs.get() + "-" + ids.incrementAndGet()));
    lastHome = job.resolve("home");
    Path brew = job.resolve("homebrew");
    return new Machine(
        lastHome,
        brew,
        "macOS",
        "ARM64",
        "arm64",
        tools.path(),
        Map.of("HOMEBREW_PREFIX", brew.toString()));
  }

  public DarwinLegRunner runner(Machine machine) {
    return runner(machine, controlPlane);
  }

  /** A runner on {@code machine} that reports to {@code reports} (e.g. the real gateway). */
  public DarwinLegRunner runner(Machine machine, ControlPlane reports) {
    return new DarwinLegRunner(
        profile,
        machine,
        new DarwinLegRunner.Services(
            new ProcessRunner(),
            store,
            new TarZstdArchiver(3, 0),
            new CacheBudget(store, budget, reports, () -> "ev-" + ids.incrementAndGet()),
            new OciLayoutTarball(),
            publisher,
            reports,
            clock,
            printed::add),
        root.resolve("artifacts"),
        root.resolve("scratch"));
  }

  /** Runs {@code leg} on a fresh machine; cleans the build output between runs. */
  public LegReport run(ClaimedLeg leg) throws Exception {
    cleanBuildOutput();
    return runner(freshMachine()).run(AgentId.of("agent-1"), leg, workspace);
  }

  /** Deletes what a build left in the workspace, as a fresh checkout would not have it. */
  public void cleanBuildOutput() throws IOException {
    OciLayoutTarballAccess.deleteTree(workspace.resolve("build"));
    OciLayoutTarballAccess.deleteTree(workspace.resolve("backend-images"));
  }

  /** Deletes trees (test helper). */
  static final class OciLayoutTarballAccess {
    static void deleteTree(Path dir) throws IOException {
      if (!Files.exists(dir)) {
        return;
      }
      try (var walk = Files.walk(dir)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
