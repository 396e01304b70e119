package dev.strata.builder.adapter.docker;

import dev.strata.builder.port.BuildListener;
import dev.strata.builder.port.CacheMountCarrier;
import dev.strata.builder.port.CommandResult;
import dev.strata.builder.port.CommandRunner;
import dev.strata.builder.port.ImageRegistry;
import dev.strata.builder.port.RegistryException;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.leg.model.BuildInvocation;
import dev.strata.domain.leg.model.CcacheArtifact;
import dev.strata.domain.leg.model.CcacheCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries a cache mount through the registry with two tiny engine builds ({@link CcacheCommands}):
 * the artifact's tar is pulled over HTTP into a restore context and extracted into the mount; the
 * save build exports the mount as a tar to a local directory, which is pushed as a one-layer OCI
 * artifact tagged by the mount id.
 *
 * <p>A restore is skipped when the engine's mount already holds the artifact the registry has: the
 * carrier remembers which build-cache record a restore or save used and which artifact digest it
 * put there, and the record still exists (not pruned, so not emptied; a restore only adds files, so
 * later builds keep it a superset) and the registry still names that digest. Without an engine to
 * ask ({@link EngineCacheMounts}), every leg restores.
 */
public final class EngineCacheMountCarrier implements CacheMountCarrier {
  /** The artifact type of a saved cache mount. */
  public static final String ARTIFACT_TYPE = "application/vnd.strata.cachemount.v1";

  /** The media type of its one layer, a plain tar of the mount's files. */
  public static final String LAYER_TYPE = "application/vnd.strata.cachemount.layer.v1.tar";

  private static final Logger LOG = LoggerFactory.getLogger(EngineCacheMountCarrier.class);

  private final CommandRunner runner;
  private final ImageRegistry registry;
  private final List<String> buildCommand;
  private final Path tmpDir;
  private final Optional<EngineCacheMounts> mounts;
  private final Map<String, Held> held = new ConcurrentHashMap<>();

  /** The artifact a builder's mount was filled from, and the engine's record of that mount. */
  private record Held(Digest digest, String record) {}

  /** A carrier for the engine's builder ({@code <docker> build --progress=plain}). */
  public EngineCacheMountCarrier(
      CommandRunner runner, ImageRegistry registry, String docker, Path tmpDir) {
    this(runner, registry, List.of(docker, "build", "--progress=plain"), tmpDir, Optional.empty());
  }

  /**
   * A carrier whose copies run with {@code buildCommand}, e.g. {@code [docker, buildx, build,
   * --progress=plain]} for a buildx builder.
   *
   * @param mounts the engine's cache-mount records, when the copies run in that engine's builder
   *     (then unchanged mounts are not restored again)
   */
  public EngineCacheMountCarrier(
      CommandRunner runner,
      ImageRegistry registry,
      List<String> buildCommand,
      Path tmpDir,
      Optional<EngineCacheMounts> mounts) {
    this.runner = runner;
    this.registry = registry;
    this.buildCommand = List.copyOf(buildCommand);
    this.tmpDir = tmpDir;
    this.mounts = mounts;
  }

  @Override
  public Optional<Digest> restore(
      CcacheArtifact artifact, String builderKey, String toolImage, BuildListener listener)
      throws InterruptedException {
    long start = System.nanoTime();
    Path ctx = null;
    try {
      Optional<Map<String, String>> before = mounts.flatMap(EngineCacheMounts::snapshot);
      Optional<Digest> current = stillHeld(artifact, builderKey, before);
      if (current.isPresent()) {
        listener.line(
            "strata: cache mount "
                + artifact.mountId()
                + " already holds "
                + current.get()
                + "; restore skipped");
        return current;
      }
      ctx = Files.createTempDirectory(dirs(), "ccache-restore-");
      Optional<Digest> pulled =
          registry.pullArtifact(artifact.ref(), ctx.resolve(CcacheCommands.ARCHIVE));
      if (pulled.isEmpty()) {
        listener.line("strata: no saved cache mount " + artifact.ref() + "; starting empty");
        return Optional.empty();
      }
      Files.writeString(
          ctx.resolve("Dockerfile"), CcacheCommands.restoreDockerfile(builderKey, toolImage));
      if (!run(ctx, "restore", listener)) {
        return Optional.empty();
      }
      remember(builderKey, pulled.get(), before);
      listener.line("strata: restored cache mount " + artifact.mountId() + " from " + pulled.get());
      return pulled;
    } catch (IOException | RegistryException e) {
      return failed("restore", artifact, e, listener);
    } finally {
      delete(ctx);
      listener.phase("ccache restore", Duration.ofNanos(System.nanoTime() - start));
    }
  }

  @Override
  public Optional<Digest> save(
      CcacheArtifact artifact, String builderKey, String toolImage, BuildListener listener)
      throws InterruptedException {
    long start = System.nanoTime();
    Path ctx = null;
    try {
      Optional<Map<String, String>> before = mounts.flatMap(EngineCacheMounts::snapshot);
      ctx = Files.createTempDirectory(dirs(), "ccache-save-");
      Files.writeString(
          ctx.resolve("Dockerfile"), CcacheCommands.saveDockerfile(builderKey, toolImage));
      if (!run(ctx, "save", listener)) {
        return Optional.empty();
      }
      Digest d =
          registry.pushArtifact(
              artifact.ref(),
              ctx.resolve("out").resolve(CcacheCommands.ARCHIVE),
              ARTIFACT_TYPE,
              LAYER_TYPE);
      remember(builderKey, d, before);
      listener.line("strata: saved cache mount " + artifact.mountId() + " as " + artifact.ref());
      return Optional.of(d);
    } catch (IOException | RegistryException e) {
      return failed("save", artifact, e, listener);
    } finally {
      delete(ctx);
      listener.phase("ccache save", Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /**
   * The artifact's digest when the engine's mount already holds it: remembered from this carrier's
   * last restore or save of the mount, the mount's record still in the engine, and the registry
   * still naming that digest (another builder may have saved a newer one).
   */
  private Optional<Digest> stillHeld(
      CcacheArtifact artifact, String builderKey, Optional<Map<String, String>> records)
      throws RegistryException {
    Held h = held.get(builderKey);
    if (h == null || records.isEmpty() || !records.get().containsKey(h.record())) {
      return Optional.empty();
    }
    Optional<Digest> current = registry.resolve(artifact.ref());
    return current.filter(h.digest()::equals);
  }

  /** Remembers which record the copy just used, when exactly one was. */
  private void remember(String builderKey, Digest digest, Optional<Map<String, String>> before) {
    Optional<String> used =
        before.flatMap(
            b ->
                mounts
                    .flatMap(EngineCacheMounts::snapshot)
                    .flatMap(a -> EngineCacheMounts.usedBetween(b, a)));
    if (used.isPresent()) {
      held.put(builderKey, new Held(digest, used.get()));
    } else {
      held.remove(builderKey);
    }
  }

  private boolean run(Path ctx, String what, BuildListener listener)
      throws IOException, InterruptedException {
    BuildInvocation inv =
        CcacheCommands.build(
            buildCommand,
            UUID.randomUUID().toString(),
            ctx.resolve("out").toString(),
            ctx.toString());
    CommandResult r = runner.run(inv, ctx, listener::line);
    if (!r.succeeded()) {
      listener.line(
          "strata: cache mount " + what + " build exited with " + r.exitCode() + " (ignored)");
      LOG.warn("Cache mount {} failed (ignored):\n{}", what, r.tailText(20));
    }
    return r.succeeded();
  }

  private static Optional<Digest> failed(
      String what, CcacheArtifact artifact, Exception e, BuildListener listener) {
    LOG.warn("Cache mount {} of {} failed (ignored): {}", what, artifact.ref(), e.getMessage());
    listener.line(
        "strata: cache mount "
            + what
            + " of "
            + artifact.ref()
            + " failed (ignored): "
            + e.getMessage());
    return Optional.empty();
  }

  private Path dirs() throws IOException {
    return Files.createDirectories(tmpDir);
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.debug("Could not delete {}: {}", dir, e.toString());
    }
  }
}
