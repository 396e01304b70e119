package dev.strata.builder.adapter.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.builder.core.PlainProgress;
import dev.strata.builder.port.BuildDriver;
import dev.strata.builder.port.BuildException;
import dev.strata.builder.port.BuildListener;
import dev.strata.builder.port.BuildOutcome;
import dev.strata.builder.port.CommandResult;
import dev.strata.builder.port.CommandRunner;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.model.BasePlan;
import dev.strata.domain.leg.model.BuildInvocation;
import dev.strata.domain.leg.model.BuildPlan;
import dev.strata.domain.leg.model.BuildxCommands;
import dev.strata.domain.run.api.CacheWrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code buildx} driver: runs exactly what docker/build-push-action runs ({@link
 * BuildxCommands}, DOMAIN.md 4.4-4.7), reads the pushed digest from the metadata file and anchors
 * it with {@code docker buildx imagetools create} (4.5). Needs a docker client with the buildx
 * plugin and a builder that can export registry caches (the {@code docker-container} driver).
 */
public final class BuildxBuildDriver implements BuildDriver {
  /** The cache-to options buildx writes with (DOMAIN.md 10.4). */
  public static final String MAX_OPTIONS = "mode=max,ignore-error=true";

  private final CommandRunner runner;
  private final ObjectMapper json;
  private final String docker;
  private final Path tmpDir;

  public BuildxBuildDriver(CommandRunner runner, ObjectMapper json, String docker, Path tmpDir) {
    this.runner = runner;
    this.json = json;
    this.docker = docker;
    this.tmpDir = tmpDir;
  }

  @Override
  public String describe() {
    return "buildx " + docker;
  }

  @Override
  public boolean expandsMountVariables() {
    return true;
  }

  @Override
  public BuildOutcome build(BuildPlan plan, Path checkout, BuildListener listener)
      throws BuildException, InterruptedException {
    Path meta = metadataFile();
    PlainProgress progress =
        run(
            BuildxCommands.build(plan, docker, meta.toString()),
            checkout,
            listener,
            "engine build");
    List<CacheRef> read =
        progress.cacheRefsRead().stream()
            .filter(r -> r.equals(plan.cache().ref().toString()))
            .map(r -> plan.cache().ref())
            .toList();
    List<CacheWrite> written =
        plan.cache().writes()
            ? List.of(new CacheWrite(plan.cache().ref(), MAX_OPTIONS))
            : List.of();
    if (!plan.byDigest()) {
      return new BuildOutcome(
          Optional.empty(),
          List.of(),
          Optional.empty(),
          plan.push().push() ? plan.push().tags() : List.of(),
          read,
          written,
          progress.steps(),
          progress.stepOutput());
    }
    Digest digest = digest(meta);
    ImageRef anchor = plan.anchor().orElseThrow();
    ImageRef source = plan.push().pushedRepositories().get(0).withDigest(digest);
    run(BuildxCommands.anchor(docker, anchor, source), checkout, listener, "anchor");
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

  @Override
  public BuildOutcome buildBase(BasePlan plan, Path checkout, BuildListener listener)
      throws BuildException, InterruptedException {
    PlainProgress progress =
        run(BuildxCommands.base(plan, docker), checkout, listener, "engine build");
    return new BuildOutcome(
        Optional.empty(),
        List.of(ImageRef.of(plan.image().repository())),
        Optional.empty(),
        List.of(plan.image()),
        progress.cacheRefsRead().stream().map(CacheRef::parse).toList(),
        List.of(new CacheWrite(plan.cache().ref(), MAX_OPTIONS)),
        progress.steps(),
        progress.stepOutput());
  }

  private PlainProgress run(BuildInvocation inv, Path dir, BuildListener listener, String phase)
      throws BuildException, InterruptedException {
    PlainProgress progress = new PlainProgress();
    CommandResult r;
    try {
      r =
          runner.run(
              inv,
              dir,
              line -> {
                PlainProgress.Change c = progress.accept(line);
                listener.line(line);
                if (c != PlainProgress.Change.NONE) {
                  listener.step(progress.lastVertex(), c == PlainProgress.Change.STEP_FINISHED);
                }
              });
    } catch (IOException e) {
      throw new BuildException(
          phase,
          "Tried to run "
              + String.join(" ", inv.argv().subList(0, 3))
              + " but failed because: "
              + e.getMessage(),
          List.of(),
          false,
          e);
    }
    listener.phase(phase, r.duration());
    if (!r.succeeded()) {
      if (phase.equals("anchor")) {
        throw new BuildException(
            "anchor",
            "docker buildx imagetools create exited with " + r.exitCode(),
            r.tail(),
            true,
            null);
      }
      throw Failures.of(progress, r);
    }
    return progress;
  }

  private Digest digest(Path meta) throws BuildException {
    try {
      JsonNode m = json.readTree(meta.toFile());
      JsonNode d = m.get("containerimage.digest");
      if (d == null) {
        throw new BuildException(
            "push", "buildx wrote no containerimage.digest to " + meta, List.of());
      }
      return Digest.of(d.asText());
    } catch (IOException e) {
      throw new BuildException(
          "push",
          "Tried to read " + meta + " but failed because: " + e.getMessage(),
          List.of(),
          false,
          e);
    } finally {
      try {
        Files.deleteIfExists(meta);
      } catch (IOException e) {
        // harmless leftover
      }
    }
  }

  private Path metadataFile() throws BuildException {
    try {
      Files.createDirectories(tmpDir);
      return Files.createTempFile(tmpDir, "buildx-meta-", ".json");
    } catch (IOException e) {
      throw new BuildException(
          "prepare",
          "Tried to create a metadata file in " + tmpDir + " but failed because: " + e.getMessage(),
          List.of(),
          false,
          e);
    }
  }

  /** Whether {@code docker buildx version} works with {@code docker}. */
  public static boolean available(CommandRunner runner, String docker, Path dir) {
    try {
      return runner
          .run(BuildInvocation.of(List.of(docker, "buildx", "version")), dir, l -> {})
          .succeeded();
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
