package dev.strata.builder.adapter.docker;

import dev.strata.builder.core.PlainProgress;
import dev.strata.builder.port.BuildDriver;
import dev.strata.builder.port.BuildException;
import dev.strata.builder.port.BuildListener;
import dev.strata.builder.port.BuildOutcome;
import dev.strata.builder.port.CommandResult;
import dev.strata.builder.port.CommandRunner;
import dev.strata.builder.port.ImageRegistry;
import dev.strata.builder.port.RegistryException;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.model.BasePlan;
import dev.strata.domain.leg.model.BuildInvocation;
import dev.strata.domain.leg.model.BuildPlan;
import dev.strata.domain.leg.model.EngineCommands;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.runtime.registry.RegistryCredentials;
import dev.strata.runtime.serialization.StrataSerializers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code engine} driver: the Docker engine's built-in BuildKit ({@code DOCKER_BUILDKIT=1 docker
 * build --progress=plain}, DOMAIN.md ARCHITECTURE "BuildKit" on this machine).
 *
 * <p>Push by digest without leaving tags: a non-PR leg's image is built under its keepalive anchor
 * tag and {@code docker push}ed there (the anchor is the one tag that must exist anyway, 4.5); the
 * pushed manifest is then copied byte for byte, by digest and untagged, into every publish
 * repository. The registry cache is BuildKit's inline cache: the same image with one more label (so
 * a digest of its own: cleaning the anchor later deletes by digest and must not take the cache tag
 * with it) is put under the cache ref. A cache write that fails is logged and ignored (10.4).
 */
public final class EngineBuildDriver implements BuildDriver {
  /** The label that gives the cache image its own digest; its value is the cache ref. */
  public static final String CACHE_LABEL = "dev.strata.cache-ref";

  /** The cache-to options recorded for an inline cache write. */
  public static final String INLINE_OPTIONS = "type=inline,ignore-error=true";

  private static final Logger LOG = LoggerFactory.getLogger(EngineBuildDriver.class);

  /** Runs a leg's registry copies and cache write side by side (daemon threads, idle ones end). */
  private static final ExecutorService PARALLEL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "registry-copy");
            t.setDaemon(true);
            return t;
          });

  private final CommandRunner runner;
  private final ImageRegistry registry;
  private final String docker;
  private final Path tmpDir;
  private final Optional<EngineSocket> engine;
  private final Optional<EnginePusher> pusher;
  private volatile String version;

  /**
   * @param docker the docker client, {@code /usr/bin/docker} on this machine
   * @param tmpDir where image-id files go
   */
  public EngineBuildDriver(
      CommandRunner runner, ImageRegistry registry, String docker, Path tmpDir) {
    this(runner, registry, docker, tmpDir, Optional.empty(), RegistryCredentials.none());
  }

  /**
   * @param engine the same engine's API socket: pushes and removes local tags without a CLI process
   * @param credentials the registry credentials the engine pushes with (as the CLI would send them)
   */
  public EngineBuildDriver(
      CommandRunner runner,
      ImageRegistry registry,
      String docker,
      Path tmpDir,
      Optional<EngineSocket> engine,
      RegistryCredentials credentials) {
    this.runner = runner;
    this.registry = registry;
    this.docker = docker;
    this.tmpDir = tmpDir;
    this.engine = engine;
    this.pusher =
        engine.map(e -> new EnginePusher(e, credentials, StrataSerializers.objectMapper()));
  }

  @Override
  public String describe() {
    if (version == null) {
      try {
        CommandResult r =
            runner.run(
                BuildInvocation.of(List.of(docker, "version", "--format", "{{.Server.Version}}")),
                tmpDir,
                l -> {});
        version = r.succeeded() && !r.tail().isEmpty() ? r.tail().get(0).trim() : "unknown";
      } catch (IOException e) {
        version = "unknown";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "engine docker unknown";
      }
    }
    return "engine docker " + version;
  }

  @Override
  public boolean expandsMountVariables() {
    return false;
  }

  @Override
  public BuildOutcome build(BuildPlan plan, Path checkout, BuildListener listener)
      throws BuildException, InterruptedException {
    List<ImageRef> tags = localTags(plan);
    Path iid = tmpFile("iid-");
    PlainProgress progress =
        runBuild(EngineCommands.build(plan, docker, tags, iid.toString()), checkout, listener);
    List<CacheRef> read =
        progress.cacheRefsRead().stream()
            .filter(r -> r.equals(plan.cache().ref().toString()))
            .map(r -> plan.cache().ref())
            .toList();
    try {
      if (plan.byDigest()) {
        return pushByDigest(plan, tags.get(0), progress, read, listener);
      }
      List<ImageRef> pushed = new ArrayList<>();
      if (plan.push().push()) {
        for (ImageRef tag : tags) {
          push(tag, listener);
          pushed.add(tag);
        }
      }
      return new BuildOutcome(
          Optional.empty(),
          List.of(),
          Optional.empty(),
          pushed,
          read,
          List.of(),
          progress.steps(),
          progress.stepOutput());
    } finally {
      cleanUp(tags, iid, listener);
    }
  }

  private BuildOutcome pushByDigest(
      BuildPlan plan,
      ImageRef anchor,
      PlainProgress progress,
      List<CacheRef> read,
      BuildListener listener)
      throws BuildException, InterruptedException {
    long start = System.nanoTime();
    Optional<Digest> pushed = push(anchor, listener);
    Digest digest;
    try {
      digest =
          (pushed.isPresent() ? pushed : registry.resolve(anchor))
              .orElseThrow(
                  () ->
                      new BuildException(
                          "push",
                          "Tried to read the digest of "
                              + anchor
                              + " but it is not in the registry",
                          List.of()));
    } catch (RegistryException e) {
      throw new BuildException("push", e.getMessage(), List.of(), e.isTransient(), e);
    }
    listener.phase("push", Duration.ofNanos(System.nanoTime() - start));
    // the copies and the cache write only read the anchor's manifest: run them side by side
    start = System.nanoTime();
    ImageRef source = anchor.withDigest(digest);
    CompletableFuture<Optional<CacheWrite>> cacheWrite =
        plan.cache().writes()
            ? CompletableFuture.supplyAsync(
                () -> writeCache(source, plan.cache().ref(), listener), PARALLEL)
            : CompletableFuture.completedFuture(Optional.empty());
    List<CompletableFuture<Void>> copies = new ArrayList<>();
    for (ImageRef repo : plan.push().pushedRepositories()) {
      copies.add(CompletableFuture.runAsync(() -> copy(source, repo, listener), PARALLEL));
    }
    try {
      CompletableFuture.allOf(copies.toArray(CompletableFuture[]::new)).join();
    } catch (CompletionException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof RegistryException cause) {
          throw new BuildException(
              "push", cause.getMessage(), List.of(), cause.isTransient(), cause);
        }
      }
      throw e;
    }
    List<CacheWrite> written = new ArrayList<>();
    cacheWrite.join().ifPresent(written::add);
    listener.phase("copy + cache write", Duration.ofNanos(System.nanoTime() - start));
    return new BuildOutcome(
        Optional.of(digest),
        plan.push().pushedRepositories(),
        Optional.of(anchor),
        List.of(),
        read,
        written,
        progress.steps(),
        progress.stepOutput());
  }

  private void copy(ImageRef source, ImageRef repo, BuildListener listener) {
    try {
      registry.copy(source, repo);
      listener.line("strata: pushed " + repo + "@" + source.digest());
    } catch (RegistryException e) {
      throw new CompletionException(new UncheckedRegistryException(e));
    }
  }

  /** Carries a registry failure out of a parallel copy. */
  private static final class UncheckedRegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedRegistryException(RegistryException cause) {
      super(cause);
    }
  }

  private Optional<CacheWrite> writeCache(ImageRef image, CacheRef cache, BuildListener listener) {
    try {
      Digest d = registry.putLabelledVariant(image, cache.image(), CACHE_LABEL, cache.toString());
      listener.line("strata: wrote inline cache " + cache + " (" + d + ")");
      return Optional.of(new CacheWrite(cache, INLINE_OPTIONS));
    } catch (RegistryException e) {
      // cache writes never fail a build (DOMAIN.md 10.4)
      LOG.warn("Cache write to {} failed and is ignored: {}", cache, e.getMessage());
      listener.line("strata: cache write to " + cache + " failed (ignored): " + e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public BuildOutcome buildBase(BasePlan plan, Path checkout, BuildListener listener)
      throws BuildException, InterruptedException {
    Path iid = tmpFile("iid-");
    PlainProgress progress =
        runBuild(EngineCommands.base(plan, docker, iid.toString()), checkout, listener);
    try {
      push(plan.image(), listener);
      Digest digest =
          registry
              .resolve(plan.image())
              .orElseThrow(
                  () ->
                      new BuildException(
                          "push",
                          "Tried to read the digest of "
                              + plan.image()
                              + " but it is not in the registry",
                          List.of()));
      List<CacheWrite> written = new ArrayList<>();
      writeCache(plan.image().withDigest(digest), plan.cache().ref(), listener)
          .ifPresent(written::add);
      return new BuildOutcome(
          Optional.of(digest),
          List.of(ImageRef.of(plan.image().repository())),
          Optional.empty(),
          List.of(plan.image()),
          progress.cacheRefsRead().stream().map(CacheRef::parse).toList(),
          written,
          progress.steps(),
          progress.stepOutput());
    } catch (RegistryException e) {
      throw new BuildException("push", e.getMessage(), List.of(), e.isTransient(), e);
    } finally {
      cleanUp(List.of(plan.image()), iid, listener);
    }
  }

  private PlainProgress runBuild(BuildInvocation inv, Path checkout, BuildListener listener)
      throws BuildException, InterruptedException {
    PlainProgress progress = new PlainProgress();
    CommandResult result;
    try {
      result =
          runner.run(
              inv,
              checkout,
              line -> {
                PlainProgress.Change change = progress.accept(line);
                listener.line(line);
                if (change != PlainProgress.Change.NONE) {
                  listener.step(
                      progress.lastVertex(), change == PlainProgress.Change.STEP_FINISHED);
                }
              });
    } catch (IOException e) {
      throw new BuildException(
          "build",
          "Tried to run " + docker + " build but failed because: " + e.getMessage(),
          List.of(),
          false,
          e);
    }
    listener.phase("engine build", result.duration());
    if (!result.succeeded()) {
      throw Failures.of(progress, result);
    }
    return progress;
  }

  /** Pushes a local tag; returns its digest when the engine API reported it. */
  private Optional<Digest> push(ImageRef ref, BuildListener listener)
      throws BuildException, InterruptedException {
    if (pusher.isPresent()) {
      return pusher.get().push(ref, listener);
    }
    try {
      CommandResult r = runner.run(EngineCommands.push(docker, ref), tmpDir, listener::line);
      if (!r.succeeded()) {
        throw new BuildException(
            "push",
            "Tried to push " + ref + " but failed because: docker push exited with " + r.exitCode(),
            r.tail(),
            true,
            null);
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new BuildException(
          "push",
          "Tried to push " + ref + " but failed because: " + e.getMessage(),
          List.of(),
          true,
          e);
    }
  }

  private List<ImageRef> localTags(BuildPlan plan) {
    if (plan.byDigest()) {
      return List.of(plan.anchor().orElseThrow());
    }
    return plan.push().push() ? plan.push().tags() : List.of();
  }

  private void cleanUp(List<ImageRef> tags, Path iid, BuildListener listener)
      throws InterruptedException {
    long start = System.nanoTime();
    try {
      if (!tags.isEmpty() && removedThroughApi(tags)) {
        return;
      }
      List<String> argv = new ArrayList<>(List.of(docker, "image", "rm"));
      tags.forEach(t -> argv.add(t.toString()));
      if (tags.isEmpty() && Files.size(iid) > 0) {
        argv.add(Files.readString(iid).trim());
      }
      if (argv.size() > 3) {
        runner.run(BuildInvocation.of(argv), tmpDir, l -> {});
      }
    } catch (IOException e) {
      LOG.debug("Could not remove local images {}: {}", tags, e.toString());
    } finally {
      try {
        Files.deleteIfExists(iid);
      } catch (IOException e) {
        LOG.debug("Could not delete {}: {}", iid, e.toString());
      }
      listener.phase("clean-up", Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** Removes the local tags through the engine API; false when the CLI must do it. */
  private boolean removedThroughApi(List<ImageRef> tags) {
    if (engine.isEmpty()) {
      return false;
    }
    try {
      for (ImageRef tag : tags) {
        int status = engine.get().call("DELETE", "/images/" + tag).status();
        if (status / 100 != 2 && status != 404) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      LOG.debug("Could not remove {} through {}: {}", tags, engine.get(), e.toString());
      return false;
    }
  }

  private Path tmpFile(String prefix) throws BuildException {
    try {
      Files.createDirectories(tmpDir);
      return Files.createTempFile(tmpDir, prefix, ".txt");
    } catch (IOException e) {
      throw new BuildException(
          "prepare",
          "Tried to create a file in " + tmpDir + " but failed because: " + e.getMessage(),
          List.of(),
          false,
          e);
    }
  }
}
