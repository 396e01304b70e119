package dev.strata.darwin.core;

import dev.strata.darwin.core.CacheRestorer.Restored;
import dev.strata.darwin.core.DarwinSteps.Step;
import dev.strata.darwin.port.CacheArchiver;
import dev.strata.darwin.port.CacheEntry;
import dev.strata.darwin.port.CacheStore;
import dev.strata.darwin.port.CacheStoreException;
import dev.strata.darwin.port.ClaimedLeg;
import dev.strata.darwin.port.ControlPlane;
import dev.strata.darwin.port.ControlPlaneException;
import dev.strata.darwin.port.ImagePackager;
import dev.strata.darwin.port.ImagePublisher;
import dev.strata.darwin.port.ProcessException;
import dev.strata.darwin.port.ProcessResult;
import dev.strata.darwin.port.Processes;
import dev.strata.darwin.port.RegistryException;
import dev.strata.domain.darwin.model.CacheKey;
import dev.strata.domain.darwin.model.DarwinCachePolicy;
import dev.strata.domain.darwin.model.DarwinCachePolicy.Cache;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.model.LatestMode;
import dev.strata.domain.image.model.MetadataTags;
import dev.strata.domain.image.model.TagContext;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.leg.api.StepStats.BuildStep;
import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheOutcome;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordDarwinCacheRestore;
import dev.strata.domain.run.api.RecordDarwinCacheSave;
import dev.strata.domain.run.api.RecordLegFailure;
import dev.strata.domain.run.api.RecordLegVerified;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs one claimed Darwin leg in a checked-out workspace (DOMAIN.md 8): computes the cache keys,
 * restores the caches the policy restores, installs the dependencies, configures ccache, builds
 * (bespoke or generic), packages the {@code <backend>-tar} artifact, saves the caches the policy
 * saves (then enforces the budget), publishes non-PR builds under the 5.1 tags, and reports every
 * restore, save, eviction and the result to the control plane.
 */
public final class DarwinLegRunner {

  /** Everything a leg needs besides the leg itself. */
  public record Services(
      Processes processes,
      CacheStore store,
      CacheArchiver archiver,
      CacheBudget budget,
      ImagePackager packager,
      ImagePublisher publisher,
      ControlPlane controlPlane,
      Clock clock,
      Consumer<String> console) {}

  /** A step failed: the leg ends, nothing is saved. */
  private static final class StepFailed extends Exception {
    final String step;
    final List<String> tail;

    StepFailed(String step, String reason, List<String> tail) {
      super(reason);
      this.step = step;
      this.tail = List.copyOf(tail);
    }
  }

  private final DarwinProfile profile;
  private final Machine machine;
  private final Services s;
  private final Path artifacts;
  private final Path scratch;

  /**
   * @param artifacts where {@code <run>/<backend>-tar/<backend>.tar} artifacts are kept
   * @param scratch a directory for temporary archives
   */
  public DarwinLegRunner(
      DarwinProfile profile, Machine machine, Services services, Path artifacts, Path scratch) {
    this.profile = profile;
    this.machine = machine;
    this.s = services;
    this.artifacts = artifacts;
    this.scratch = scratch;
  }

  /** Runs {@code leg} in {@code workspace} and reports it as {@code agent}. */
  public LegReport run(AgentId agent, ClaimedLeg leg, Path workspace) throws ControlPlaneException {
    DarwinEntry entry = leg.entry();
    DarwinSteps steps = new DarwinSteps(profile, machine, entry, workspace);
    StepLog done = new StepLog(agent, leg, s.controlPlane(), s.console());
    long legStart = System.nanoTime();
    done.line(
        "leg "
            + leg.legId()
            + " of run "
            + leg.runId()
            + ": "
            + entry.langOrPython()
            + (steps.bespoke() ? ", bespoke builder" : "")
            + (leg.trigger().isPullRequest() ? ", pull request (restores only)" : ""));
    Map<Cache, Restored> restored = new EnumMap<>(Cache.class);
    List<CacheEntry> saved = new ArrayList<>();
    List<CacheEntry> evicted = new ArrayList<>();
    Instant jobStart = s.clock().instant();
    Map<Cache, CacheKey> keys = Map.of();
    try {
      String goVersion =
          LegCacheKeys.parseGoVersion(firstLine(exec("setup", steps.goVersion(), done)));
      keys = computeKeys(leg, workspace, goVersion, jobStart);
      for (Map.Entry<Cache, CacheKey> k : keys.entrySet()) {
        restored.put(k.getKey(), restore(leg, k.getKey(), k.getValue(), done));
      }
      for (Step step : steps.dependencies()) {
        exec("deps", step, done);
      }
      if (steps.usesCcache()) {
        createCcacheDir();
      }
      for (Step step : concat(steps.ccacheSetup(), steps.build(), steps.ccacheStats())) {
        exec("build", step, done);
      }
      Path artifact = packageImage(leg, workspace, done);
      saveAll(leg, keys, restored, saved, evicted, done);
      Publication pub = publish(leg, artifact, done);
      StepStats stats = new StepStats(done.steps());
      done.line(
          (pub.digest == null
                  ? "done: verified, nothing published"
                  : "done: published " + pub.digest + " under " + pub.tags.size() + " tags")
              + " ("
              + StepLog.duration(millisSince(legStart))
              + ")");
      report(agent, leg, steps, goVersion, keys, pub, stats);
      return new LegReport(
          restored, saved, evicted, stats, artifact, pub.digest, pub.tags, null, null);
    } catch (StepFailed f) {
      done.line("failed at " + f.step + ": " + f.getMessage());
      if (done.leaseLost()) {
        // the gateway gave the leg to another agent: a report from this one would be refused
        return failedReport(restored, saved, evicted, done, f);
      }
      s.controlPlane()
          .failed(
              new RecordLegFailure(
                  leg.runId(),
                  leg.legId(),
                  agent,
                  f.step,
                  f.getMessage(),
                  f.tail,
                  s.clock().instant()));
      return failedReport(restored, saved, evicted, done, f);
    }
  }

  private static LegReport failedReport(
      Map<Cache, Restored> restored,
      List<CacheEntry> saved,
      List<CacheEntry> evicted,
      StepLog done,
      StepFailed f) {
    return new LegReport(
        restored,
        saved,
        evicted,
        new StepStats(done.steps()),
        null,
        null,
        List.of(),
        f.step,
        f.getMessage());
  }

  private void createCcacheDir() throws StepFailed {
    try {
      Files.createDirectories(profile.ccacheDir(machine));
    } catch (IOException e) {
      throw new StepFailed("ccache directory", e.toString(), List.of());
    }
  }

  private Map<Cache, CacheKey> computeKeys(
      ClaimedLeg leg, Path workspace, String goVersion, Instant jobStart) throws StepFailed {
    try {
      return LegCacheKeys.compute(
          profile, machine, leg.entry(), leg.runId(), workspace, goVersion, jobStart);
    } catch (IOException | IllegalArgumentException e) {
      throw new StepFailed("cache keys", e.getMessage(), List.of());
    }
  }

  private Restored restore(ClaimedLeg leg, Cache cache, CacheKey key, StepLog done)
      throws ControlPlaneException {
    Instant at = s.clock().instant();
    long start = System.nanoTime();
    Restored r =
        new CacheRestorer(s.store(), s.archiver())
            .restore(key, CacheLayout.paths(cache, machine, profile), at, scratch);
    done.step(
        "restore",
        new BuildStep(
            "restore " + CacheLayout.nameOf(cache) + " " + key.key(),
            r.outcome() == CacheOutcome.HIT,
            millisSince(start),
            r.outcome() == CacheOutcome.CORRUPT ? r.reason() : null),
        restoreResult(r));
    s.controlPlane()
        .cacheRestored(
            new RecordDarwinCacheRestore(
                leg.runId(),
                leg.legId(),
                CacheLayout.nameOf(cache),
                key.key(),
                r.outcome(),
                r.matchedKey(),
                r.bytes(),
                at));
    return r;
  }

  private void saveAll(
      ClaimedLeg leg,
      Map<Cache, CacheKey> keys,
      Map<Cache, Restored> restored,
      List<CacheEntry> saved,
      List<CacheEntry> evicted,
      StepLog done)
      throws ControlPlaneException {
    DarwinCachePolicy policy = profile.cachePolicy();
    boolean pr = leg.trigger().isPullRequest();
    for (Map.Entry<Cache, CacheKey> k : keys.entrySet()) {
      Cache cache = k.getKey();
      if (!policy.saves(
          cache, leg.entry(), leg.trigger().kind(), restored.get(cache).forSavePolicy())) {
        continue;
      }
      Instant at = s.clock().instant();
      long start = System.nanoTime();
      String name = "save " + CacheLayout.nameOf(cache) + " " + k.getValue().key();
      try {
        Optional<CacheEntry> entry =
            new CacheSaver(s.store(), s.archiver())
                .save(k.getValue().key(), CacheLayout.paths(cache, machine, profile), at, scratch);
        if (entry.isEmpty()) {
          done.step(
              "save", new BuildStep(name, false, millisSince(start), null), "nothing to save");
          continue;
        }
        done.step(
            "save",
            new BuildStep(name, false, millisSince(start), null),
            StepLog.size(entry.get().bytes()) + (pr ? ", ungated on a pull request" : ""));
        saved.add(entry.get());
        s.controlPlane()
            .cacheSaved(
                new RecordDarwinCacheSave(
                    leg.runId(),
                    leg.legId(),
                    CacheLayout.nameOf(cache),
                    entry.get().key(),
                    entry.get().bytes(),
                    !pr,
                    at));
        evicted.addAll(s.budget().enforce(entry.get().key(), at));
      } catch (IOException | CacheStoreException e) {
        // a failed save costs the next run a miss; the build itself succeeded
        done.step(
            "save",
            new BuildStep(name, false, millisSince(start), e.getMessage()),
            "failed, the build goes on: " + e.getMessage());
      }
    }
  }

  private Path packageImage(ClaimedLeg leg, Path workspace, StepLog done) throws StepFailed {
    String backend = leg.entry().backend();
    long start = System.nanoTime();
    Path tarball = workspace.resolve(profile.imageTarball().replace("{backend}", backend));
    try {
      if (!Files.exists(tarball) && profile.packageDir() != null) {
        Path dir =
            workspace.resolve(
                profile
                    .packageDir()
                    .replace("{backend}", backend)
                    .replace("{lang}", leg.entry().langOrPython()));
        Files.createDirectories(tarball.getParent());
        s.packager().pack(dir, tarball, backend, profile.platform());
      }
      if (!Files.exists(tarball)) {
        throw new IOException("the build left no image at " + tarball);
      }
      s.packager().check(tarball);
      Path artifact =
          artifacts
              .resolve(leg.runId().value())
              .resolve(backend + "-tar")
              .resolve(backend + ".tar");
      Files.createDirectories(artifact.getParent());
      Files.copy(tarball, artifact, StandardCopyOption.REPLACE_EXISTING);
      done.step(
          "package",
          new BuildStep("package " + backend + "-tar", false, millisSince(start), null),
          StepLog.size(Files.size(artifact)));
      return artifact;
    } catch (IOException e) {
      throw new StepFailed("package", e.getMessage(), List.of());
    }
  }

  private record Publication(Digest digest, List<ImageRef> tags) {}

  private Publication publish(ClaimedLeg leg, Path artifact, StepLog done) throws StepFailed {
    if (leg.trigger().isPullRequest() || profile.publishRepositories().isEmpty()) {
      return new Publication(null, List.of());
    }
    List<ImageRef> tags =
        MetadataTags.backend(
                profile.publishRepositories(), LatestMode.AUTO, leg.entry().tagSuffix())
            .tags(TagContext.of(leg.trigger()));
    if (tags.isEmpty()) {
      return new Publication(null, List.of());
    }
    long start = System.nanoTime();
    try {
      Digest digest = s.publisher().publish(artifact, tags);
      done.step(
          "publish",
          new BuildStep("publish " + tags.size() + " tags", false, millisSince(start), null),
          digest.value());
      return new Publication(digest, tags);
    } catch (IOException | RegistryException e) {
      throw new StepFailed("publish", e.getMessage(), List.of());
    }
  }

  private void report(
      AgentId agent,
      ClaimedLeg leg,
      DarwinSteps steps,
      String goVersion,
      Map<Cache, CacheKey> keys,
      Publication pub,
      StepStats stats)
      throws ControlPlaneException {
    DarwinEntry e = leg.entry();
    BuildInputs inputs =
        new BuildInputs(
            List.of(
                new BuildArg("BACKEND", e.backend()),
                new BuildArg("BUILD_TYPE", e.buildType()),
                new BuildArg("USE_PIP", Boolean.toString(steps.usePip())),
                new BuildArg("LANG", e.langOrPython()),
                new BuildArg("GO_VERSION", goVersion)),
            "",
            "",
            "",
            leg.trigger().sha() == null ? "" : leg.trigger().sha().value(),
            "darwin-native " + machine.runnerOs() + "/" + machine.runnerArch(),
            keys.containsKey(Cache.CCACHE) ? keys.get(Cache.CCACHE).key() : "",
            -1);
    Instant now = s.clock().instant();
    if (pub.digest != null) {
      s.controlPlane()
          .pushed(
              new RecordArchDigest(
                  leg.runId(),
                  leg.legId(),
                  agent,
                  pub.digest,
                  pub.tags,
                  null,
                  List.of(),
                  List.of(),
                  false,
                  stats,
                  inputs,
                  now));
    } else {
      s.controlPlane()
          .verified(
              new RecordLegVerified(
                  leg.runId(),
                  leg.legId(),
                  agent,
                  List.of(),
                  List.of(),
                  List.of(),
                  stats,
                  inputs,
                  now));
    }
  }

  private String exec(String phase, Step step, StepLog done) throws StepFailed {
    List<String> output = new ArrayList<>();
    long start = System.nanoTime();
    ProcessResult result;
    try {
      result = s.processes().run(step.invocation(), output::add);
    } catch (ProcessException e) {
      done.step(
          phase,
          new BuildStep(step.invocation().step(), false, millisSince(start), e.getMessage()),
          "could not run: " + e.getMessage());
      throw new StepFailed(step.invocation().step(), e.getMessage(), List.of());
    }
    String error =
        result.succeeded()
            ? null
            : "'" + step.invocation().commandLine() + "' exited " + result.exitCode();
    done.step(
        phase,
        new BuildStep(step.invocation().step(), false, result.duration().toMillis(), error),
        error == null
            ? "ok"
            : "exited " + result.exitCode() + (step.mayFail() ? " (ignored)" : ""));
    if (error != null && !step.mayFail()) {
      throw new StepFailed(step.invocation().step(), error, result.tail());
    }
    if (done.leaseLost()) {
      throw new StepFailed(
          step.invocation().step(),
          "the gateway says this agent no longer holds the leg; stopped",
          List.of());
    }
    return String.join("\n", output);
  }

  private static String restoreResult(Restored r) {
    String outcome = r.outcome().name().toLowerCase(java.util.Locale.ROOT);
    return switch (r.outcome()) {
      case HIT -> outcome + ", " + StepLog.size(r.bytes());
      case PARTIAL -> outcome + " from " + r.matchedKey() + ", " + StepLog.size(r.bytes());
      case MISS -> outcome;
      case CORRUPT -> outcome + ", deleted, treated as a miss: " + r.reason();
    };
  }

  @SafeVarargs
  private static List<Step> concat(List<Step>... lists) {
    List<Step> all = new ArrayList<>();
    for (List<Step> l : lists) {
      all.addAll(l);
    }
    return all;
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
