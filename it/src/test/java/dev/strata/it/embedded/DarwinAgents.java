package dev.strata.it.embedded;

import dev.strata.darwin.adapter.archive.TarZstdArchiver;
import dev.strata.darwin.adapter.dir.DirectoryCacheStore;
import dev.strata.darwin.adapter.oci.OciImagePublisher;
import dev.strata.darwin.adapter.oci.OciLayoutTarball;
import dev.strata.darwin.adapter.process.ProcessRunner;
import dev.strata.darwin.adapter.registry.HttpArtifactRegistry;
import dev.strata.darwin.boot.ControlPlaneFactory;
import dev.strata.darwin.boot.DarwinProfileLoader;
import dev.strata.darwin.core.CacheBudget;
import dev.strata.darwin.core.DarwinAgent;
import dev.strata.darwin.core.DarwinLegRunner;
import dev.strata.darwin.port.ControlPlane;
import dev.strata.darwin.testing.DarwinFixture;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.RunnerClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Darwin agent for runner class {@code macos-latest}, wired as {@code strata darwin-agent}
 * wires one ({@link ControlPlaneFactory#gateway()}, the real registry publisher) but on Linux: the
 * fake brew/make/go of darwin-agent's tests on a macOS-shaped machine, a directory cache store in
 * the test's temp directory, and darwin-agent's LocalAI-shaped workspace (plus the Python backend's
 * requirements) instead of a git checkout. It runs in a thread of this JVM; each leg gets a fresh
 * machine (home and Homebrew prefix), like a fresh CI runner.
 */
final class DarwinAgents implements AutoCloseable {
  private static final Duration CLAIM_WAIT = Duration.ofSeconds(2);

  private final DarwinFixture mac;
  private final ControlPlane plane;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Throwable failure;

  private DarwinAgents(DarwinFixture mac, ControlPlane plane) {
    this.mac = mac;
    this.plane = plane;
    this.thread = new Thread(this::loop, "e2e-darwin-agent");
    thread.setDaemon(true);
  }

  static DarwinAgents start(
      URI gateway, String token, Path profile, List<String> publishRepos, Path workdir)
      throws Exception {
    DarwinFixture mac =
        new DarwinFixture(
            workdir.resolve("mac"), new DirectoryCacheStore(workdir.resolve("caches")));
    mac.profile =
        DarwinProfileLoader.load(profile, publishRepos.stream().map(ImageRef::parse).toList())
            .withPackageDir("build/{backend}");
    mac.write("backend/python/kokoro/requirements.txt", "kokoro==0.9\n");
    mac.write("backend/python/kokoro/requirements-mps.txt", "torch\n");
    DarwinAgents agents =
        new DarwinAgents(mac, ControlPlaneFactory.gateway().connect(gateway, token));
    agents.thread.start();
    return agents;
  }

  /** Runs one DarwinAgent per leg, each on a fresh machine, until closed. */
  private void loop() {
    try {
      while (running) {
        AtomicInteger checkouts = new AtomicInteger();
        agent(checkouts).run(() -> running && checkouts.get() < 1);
      }
    } catch (Exception | Error e) {
      failure = e;
    }
  }

  private DarwinAgent agent(AtomicInteger checkouts) throws IOException {
    return new DarwinAgent(
        plane,
        leg -> {
          checkouts.incrementAndGet();
          try {
            mac.cleanBuildOutput();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          return mac.workspace;
        },
        runner(),
        "e2e-macos-latest",
        RunnerClass.MACOS_LATEST,
        CLAIM_WAIT,
        Duration.ofSeconds(5),
        Clock.systemUTC());
  }

  private DarwinLegRunner runner() throws IOException {
    HttpArtifactRegistry registry = HttpArtifactRegistry.anonymous();
    return new DarwinLegRunner(
        mac.profile,
        mac.freshMachine(),
        new DarwinLegRunner.Services(
            new ProcessRunner(),
            mac.store,
            TarZstdArchiver.defaults(),
            new CacheBudget(
                mac.store, CacheBudget.DEFAULT_BYTES, plane, () -> UUID.randomUUID().toString()),
            new OciLayoutTarball(),
            new OciImagePublisher(registry),
            plane,
            Clock.systemUTC(),
            mac.printed::add),
        mac.root.resolve("artifacts"),
        mac.root.resolve("scratch"));
  }

  /** Why the agent's loop ended early, if it did. */
  Throwable failure() {
    return failure;
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(CLAIM_WAIT.multipliedBy(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
