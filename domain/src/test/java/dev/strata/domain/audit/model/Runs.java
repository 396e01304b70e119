package dev.strata.domain.audit.model;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.cache.api.EvictCache;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheOutcome;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.run.api.CancelRun;
import dev.strata.domain.run.api.ClaimLeg;
import dev.strata.domain.run.api.DeferMerge;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.PublishedIndex;
import dev.strata.domain.run.api.ReceiveTrigger;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordDarwinCacheRestore;
import dev.strata.domain.run.api.RecordDarwinCacheSave;
import dev.strata.domain.run.api.RecordLegFailure;
import dev.strata.domain.run.api.RecordLegVerified;
import dev.strata.domain.run.api.RecordManifestMerge;
import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.run.api.StartRun;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LocalAI-shaped runs written through the aggregates: triggers, plans, claims, digest pushes,
 * verification builds, failures, merges, cancellations, Darwin saves and evictions.
 */
final class Runs {
  static final Repository REPO = Repository.parse("mudler/LocalAI");
  static final String CACHE_REPO = "quay.io/go-skynet/ci-cache";
  static final String PUBLISH_REPO = "quay.io/go-skynet/local-ai-backends";
  static final AgentId AGENT = AgentId.of("agent-1");
  static final String GOOD_OPTIONS = "mode=max,ignore-error=true";
  static final Duration BUILD_TIME = Duration.ofMinutes(20);

  private final AggregateHistory history;
  private final Map<String, Map<String, List<MergeSource>>> built = new LinkedHashMap<>();
  private int shaCounter;

  Runs(AggregateHistory history) {
    this.history = history;
  }

  /** A matrix entry: Linux unless {@code darwin}; {@code id} is its leg id. */
  record Leg(
      LegId id,
      String sfx,
      String pt,
      String backend,
      String dockerfile,
      String builderBase,
      boolean darwin) {
    static Leg linux(String sfx, String pt, String backend, String dockerfile, String builderBase) {
      return new Leg(
          LegId.linux(LegKey.of(sfx, pt)), sfx, pt, backend, dockerfile, builderBase, false);
    }

    static Leg python(String sfx, String pt, String backend) {
      return linux(sfx, pt, backend, "./backend/Dockerfile.python", "");
    }

    static Leg llama(String sfx, String pt, String builderBase) {
      return linux(sfx, pt, "llama-cpp", "./backend/Dockerfile.llama-cpp", builderBase);
    }

    static Leg darwin(String backend) {
      return new Leg(
          LegId.darwin(backend), "-metal-darwin-arm64-" + backend, "", backend, "", "", true);
    }

    Leg withId(String newId) {
      return new Leg(LegId.of(newId), sfx, pt, backend, dockerfile, builderBase, darwin);
    }

    CacheRef cacheRef() {
      return CacheRef.of(CACHE_REPO, "cache" + sfx + "-" + pt);
    }

    PlannedLeg planned() {
      Map<String, Scalar> fields = new LinkedHashMap<>();
      if (dockerfile.endsWith("base-grpc-builder")) {
        fields.put("tag", Scalar.string(sfx.substring(1))); // base images are not matrix entries
      } else {
        fields.put("tag-suffix", Scalar.string(sfx));
      }
      fields.put("backend", Scalar.string(backend));
      if (!darwin) {
        fields.put("platform-tag", Scalar.string(pt));
        fields.put("platforms", Scalar.string(pt.isEmpty() ? "linux/amd64" : "linux/" + pt));
        fields.put("dockerfile", Scalar.string(dockerfile));
        if (!builderBase.isEmpty()) {
          fields.put("builder-base-image", Scalar.string(builderBase));
        }
      }
      RunnerClass runner = darwin ? RunnerClass.MACOS_LATEST : RunnerClass.of("ubuntu-latest");
      return new PlannedLeg(id(), runner, TagSuffix.of(sfx), darwin, fields);
    }

    String platform() {
      return darwin ? "darwin/arm64" : "linux/" + (pt.isEmpty() ? "amd64" : pt);
    }
  }

  /** What a build records; {@link #of} gives a clean LocalAI build. */
  record Build(
      String depsRefresh,
      String baseImage,
      String builderBase,
      List<CacheRef> reads,
      List<CacheWrite> writes,
      boolean provenance,
      int cached,
      int executed,
      List<ImageRef> pushedTo) {
    static Build of(Leg leg, String depsRefresh) {
      return new Build(
          depsRefresh,
          "ubuntu:24.04",
          leg.builderBase(),
          List.of(leg.cacheRef()),
          List.of(new CacheWrite(leg.cacheRef(), GOOD_OPTIONS)),
          false,
          10,
          2,
          List.of(ImageRef.of(PUBLISH_REPO)));
    }

    Build withWrites(List<CacheWrite> newWrites) {
      return new Build(
          depsRefresh,
          baseImage,
          builderBase,
          reads,
          newWrites,
          provenance,
          cached,
          executed,
          pushedTo);
    }

    Build withProvenance() {
      return new Build(
          depsRefresh, baseImage, builderBase, reads, writes, true, cached, executed, pushedTo);
    }

    Build withBaseImage(String image) {
      return new Build(
          depsRefresh, image, builderBase, reads, writes, provenance, cached, executed, pushedTo);
    }

    Build withSteps(int newCached, int newExecuted) {
      return new Build(
          depsRefresh,
          baseImage,
          builderBase,
          reads,
          writes,
          provenance,
          newCached,
          newExecuted,
          pushedTo);
    }

    Build pushingTo(ImageRef image) {
      return new Build(
          depsRefresh,
          baseImage,
          builderBase,
          reads,
          writes,
          provenance,
          cached,
          executed,
          List.of(image));
    }

    BuildInputs inputs() {
      return new BuildInputs(
          List.of(
              new BuildArg("BASE_IMAGE", baseImage),
              new BuildArg("APT_MIRROR", "http://azure.archive.ubuntu.com"),
              new BuildArg("DEPS_REFRESH", depsRefresh),
              new BuildArg("BUILDER_BASE_IMAGE", builderBase)),
          baseImage,
          builderBase,
          "sha256:dockerfile-1",
          "sha256:context-1",
          "docker 20.10 buildkit",
          "",
          -1);
    }

    StepStats steps() {
      List<StepStats.BuildStep> steps = new ArrayList<>();
      for (int i = 0; i < cached; i++) {
        steps.add(new StepStats.BuildStep("cached step " + i, true, 0, null));
      }
      for (int i = 0; i < executed; i++) {
        steps.add(new StepStats.BuildStep("RUN step " + i, false, 1000, null));
      }
      return new StepStats(steps);
    }
  }

  // ---- triggers ----

  void push(String run, Instant at) {
    receive(run, Trigger.push(REPO, "master", sha(), sha(), false), true, at);
  }

  void pullRequest(String run, int number, Instant at) {
    receive(run, Trigger.pullRequest(REPO, number, sha(), sha(), null, false), true, at);
  }

  void schedule(String run, Instant at) {
    receive(run, Trigger.schedule(REPO, "0 6 * * 0", "master", sha()), true, at);
  }

  void dispatch(String run, Instant at) {
    receive(run, Trigger.dispatch(REPO, "refs/heads/master", sha()), true, at);
  }

  void tag(String run, String tag, Instant at, boolean started) {
    receive(run, Trigger.tagPush(REPO, tag, sha()), started, at);
  }

  void start(String run, Instant at) {
    history.send(new StartRun(RunId.of(run), at));
  }

  private void receive(String run, Trigger trigger, boolean started, Instant at) {
    history.send(
        new ReceiveTrigger(
            RunId.of(run),
            trigger,
            "delivery-" + run,
            "ci-backends",
            List.of("backend"),
            started,
            at));
  }

  // ---- plan ----

  /** Plans {@code legs}; each tag-suffix becomes a merge group selecting all its legs. */
  void plan(String run, Instant at, boolean runAll, List<Leg> legs) {
    Map<String, List<LegId>> groups = new LinkedHashMap<>();
    for (Leg leg : legs) {
      groups.computeIfAbsent(leg.sfx(), k -> new ArrayList<>()).add(leg.id());
    }
    List<MergeGroup> mergeGroups = new ArrayList<>();
    groups.forEach(
        (sfx, ids) -> mergeGroups.add(new MergeGroup(TagSuffix.of(sfx), "auto", ids, ids)));
    plan(run, at, runAll, legs, mergeGroups);
  }

  void plan(String run, Instant at, boolean runAll, List<Leg> legs, List<MergeGroup> groups) {
    history.send(
        new RecordMatrix(
            RunId.of(run),
            "backend",
            runAll,
            runAll ? "schedule" : "",
            legs.stream().map(Leg::planned).toList(),
            groups,
            List.of(),
            List.of(),
            at));
  }

  // ---- legs ----

  void claim(String run, Leg leg, Instant at) {
    history.send(new ClaimLeg(RunId.of(run), leg.id(), AGENT, at.plus(Duration.ofHours(1)), at));
  }

  /** Claims at {@code at} and pushes by digest {@link #BUILD_TIME} later. */
  Digest build(String run, Leg leg, Instant at, Build build) {
    claim(run, leg, at);
    Digest digest = digest(run + leg.id());
    history.send(
        new RecordArchDigest(
            RunId.of(run),
            leg.id(),
            AGENT,
            digest,
            build.pushedTo().stream().map(r -> r.tag() == null ? r.withDigest(digest) : r).toList(),
            ImageRef.of(CACHE_REPO).withTag("keepalive-" + run + leg.sfx() + "-single"),
            build.reads(),
            build.writes(),
            build.provenance(),
            build.steps(),
            build.inputs(),
            at.plus(BUILD_TIME)));
    built
        .computeIfAbsent(run, r -> new LinkedHashMap<>())
        .computeIfAbsent(leg.sfx(), s -> new ArrayList<>())
        .add(new MergeSource(leg.id(), digest, RunId.of(run)));
    return digest;
  }

  /** A pull-request verification build (no digest push). */
  void verify(String run, Leg leg, Instant at, Build build) {
    claim(run, leg, at);
    history.send(
        new RecordLegVerified(
            RunId.of(run),
            leg.id(),
            AGENT,
            List.of(ImageRef.parse("quay.io/go-skynet/ci-tests:sha-abc" + leg.sfx())),
            build.reads(),
            build.writes(),
            build.steps(),
            build.inputs(),
            at.plus(BUILD_TIME)));
  }

  void fail(String run, Leg leg, Instant at) {
    claim(run, leg, at);
    history.send(
        new RecordLegFailure(
            RunId.of(run),
            leg.id(),
            AGENT,
            "build",
            "image not found",
            List.of(),
            at.plus(BUILD_TIME)));
  }

  /** Merges what this run built for {@code sfx}, publishing {@code platforms}. */
  void merge(String run, String sfx, Instant at, List<String> platforms) {
    List<MergeSource> sources = built.getOrDefault(run, Map.of()).getOrDefault(sfx, List.of());
    history.send(
        new RecordManifestMerge(
            RunId.of(run),
            TagSuffix.of(sfx),
            List.of(
                new PublishedIndex(
                    ImageRef.of(PUBLISH_REPO),
                    digest("index" + run + sfx),
                    List.of("latest" + sfx),
                    platforms)),
            sources,
            at));
  }

  /** Merges every group this run built, each with all its legs' platforms. */
  void mergeAll(String run, Instant at, List<Leg> legs) {
    Map<String, List<String>> platforms = new LinkedHashMap<>();
    for (Leg leg : legs) {
      platforms.computeIfAbsent(leg.sfx(), k -> new ArrayList<>()).add(leg.platform());
    }
    platforms.forEach((sfx, list) -> merge(run, sfx, at, list));
  }

  void defer(String run, String sfx, Instant at, List<Leg> missing) {
    history.send(
        new DeferMerge(
            RunId.of(run),
            TagSuffix.of(sfx),
            "leg failed",
            missing.stream().map(Leg::id).toList(),
            at));
  }

  void cancel(String run, String by, Instant at) {
    history.send(new CancelRun(RunId.of(run), "superseded", by, at));
  }

  void darwinSave(
      String run, Leg leg, String cache, String key, long bytes, boolean gated, Instant at) {
    history.send(
        new RecordDarwinCacheRestore(
            RunId.of(run), leg.id(), cache, key, CacheOutcome.MISS, "", 0, at));
    history.send(new RecordDarwinCacheSave(RunId.of(run), leg.id(), cache, key, bytes, gated, at));
  }

  void evict(String id, String store, String ref, String by, Instant at) {
    history.send(new EvictCache(id, store, ref, null, List.of(), "test eviction", by, 100, at));
  }

  // ---- helpers ----

  /** A full two-leg-plus-one run: plan, build, merge. Returns nothing; the run completes. */
  void cleanRun(String run, Instant at, boolean runAll, List<Leg> legs, String depsRefresh) {
    plan(run, at, runAll, legs);
    for (Leg leg : legs) {
      build(run, leg, at.plusSeconds(60), Build.of(leg, depsRefresh));
    }
    mergeAll(run, at.plus(BUILD_TIME).plusSeconds(600), legs);
  }

  private CommitSha sha() {
    shaCounter++;
    return new CommitSha(String.format("%040x", shaCounter));
  }

  static Digest digest(String seed) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
      return Digest.of("sha256:" + HexFormat.of().formatHex(hash));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
