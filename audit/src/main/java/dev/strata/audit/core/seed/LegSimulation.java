package dev.strata.audit.core.seed;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.cache.model.CcacheMounts;
import dev.strata.domain.cache.model.LegNames;
import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.image.model.PrTestTags;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.leg.model.AptMirror;
import dev.strata.domain.leg.model.CachePolicy;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.run.api.PublishedIndex;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.model.ConcurrencyScheme;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Turns one simulated run into commands: the plan, every leg (claim, heartbeat, build or failure,
 * with inputs and step statistics from the {@link CacheSimulation}), and the merges. Uses the
 * domain's policies for names, build-args, cache-to and concurrency groups.
 */
final class LegSimulation {
  static final ImageRef CACHE_REPO = ImageRef.of("quay.io/go-skynet/ci-cache");
  static final List<ImageRef> PUBLISH =
      List.of(
          ImageRef.of("quay.io/go-skynet/local-ai-backends"),
          ImageRef.of("localai/localai-backends"));
  static final ImageRef PR_REPO = ImageRef.of("quay.io/go-skynet/ci-tests");
  static final Set<String> HOSTED = Set.of("ubuntu-latest", "ubuntu-24.04-arm");
  static final AptMirror HOSTED_MIRROR =
      new AptMirror("http://azure.archive.ubuntu.com", "http://azure.ports.ubuntu.com");
  static final AptMirror SELF_HOSTED_MIRROR = new AptMirror("http://mirrors.edge.kernel.org", "");
  static final String AMDGPU = "gfx908,gfx90a,gfx942,gfx950,gfx1030,gfx1100,gfx1101,gfx1102";
  private static final Duration LEASE = Duration.ofMinutes(45);
  private static final LegNames NAMES = LegNames.backend(CACHE_REPO);
  private static final CcacheMounts CCACHE =
      new CcacheMounts(Set.of("llama-cpp", "ik-llama-cpp", "turboquant", "bonsai", "ds4"));

  private final SeedMatrix matrix;
  private final WeekKeyStyle weekStyle;
  private final Random rnd;
  private final CacheSimulation cache = new CacheSimulation();
  private final DarwinSimulation darwin;
  private final Map<String, Integer> sourceVersion = new HashMap<>();
  private final Map<String, List<LegId>> groupLegs = new LinkedHashMap<>();

  LegSimulation(SeedMatrix matrix, WeekKeyStyle weekStyle, Random rnd) {
    this.matrix = matrix;
    this.weekStyle = weekStyle;
    this.rnd = rnd;
    this.darwin = new DarwinSimulation(rnd);
    for (SeedEntry e : matrix.all()) {
      if (!e.tagSuffix().isEmpty()) {
        groupLegs.computeIfAbsent(e.tagSuffix(), k -> new ArrayList<>()).add(e.legId());
      }
    }
  }

  CacheSimulation cache() {
    return cache;
  }

  /** A push touched these backends' sources. */
  void touched(Set<String> backends) {
    backends.forEach(b -> sourceVersion.merge(b, 1, Integer::sum));
  }

  /** What one leg ended with. */
  private record Outcome(SeedEntry entry, Digest digest, Instant doneAt) {}

  /**
   * A run over {@code entries}; when {@code supersededBy} is set (pull requests), half the legs run
   * before that newer run cancels it.
   */
  RunScript run(
      RunId run,
      Trigger trigger,
      List<SeedEntry> entries,
      boolean runAll,
      String reason,
      Instant at,
      RunId supersededBy) {
    boolean pr = trigger.isPullRequest();
    ConcurrencyScheme scheme = pr ? ConcurrencyScheme.BACKENDS_PR : ConcurrencyScheme.BACKENDS;
    RunScriptBuilder script =
        new RunScriptBuilder(
            run, trigger, scheme.groupOf(trigger).key(), List.of("backend"), true, at);
    Instant planAt = at.plusSeconds(40);
    Map<String, List<LegId>> selected = new LinkedHashMap<>();
    for (SeedEntry e : entries) {
      if (!e.tagSuffix().isEmpty()) {
        selected.computeIfAbsent(e.tagSuffix(), k -> new ArrayList<>()).add(e.legId());
      }
    }
    List<MergeGroup> groups = new ArrayList<>();
    if (!pr) {
      selected.forEach(
          (sfx, ids) ->
              groups.add(
                  new MergeGroup(
                      TagSuffix.of(sfx), "auto", ids, groupLegs.getOrDefault(sfx, ids))));
    }
    List<String> changed = entries.stream().map(SeedEntry::backend).distinct().toList();
    script.plan(
        "backend",
        runAll,
        reason,
        entries.stream().map(SeedEntry::planned).toList(),
        groups,
        runAll ? List.of() : changed,
        planAt);
    Map<String, List<Outcome>> bySuffix = new LinkedHashMap<>();
    int limit = supersededBy == null ? entries.size() : entries.size() / 2;
    for (SeedEntry e : entries.subList(0, limit)) {
      Instant claimAt = planAt.plusSeconds(5 + rnd.nextInt(2400));
      Outcome outcome =
          e.darwin()
              ? darwinLeg(script, run, trigger, e, claimAt)
              : linuxLeg(script, run, trigger, e, claimAt);
      bySuffix.computeIfAbsent(e.tagSuffix(), k -> new ArrayList<>()).add(outcome);
    }
    if (supersededBy != null) {
      script.cancelled(
          "superseded by a newer push to the pull request",
          "run:" + supersededBy.value(),
          at.plusSeconds(1200));
      return script.build();
    }
    if (!pr) {
      merges(script, run, trigger, bySuffix);
    }
    return script.build();
  }

  private void merges(
      RunScriptBuilder script, RunId run, Trigger trigger, Map<String, List<Outcome>> bySuffix) {
    bySuffix.forEach(
        (sfx, outcomes) -> {
          if (sfx.isEmpty()) {
            return;
          }
          Instant last =
              outcomes.stream().map(Outcome::doneAt).max(Instant::compareTo).orElseThrow();
          List<LegId> failed =
              outcomes.stream()
                  .filter(o -> o.digest() == null)
                  .map(o -> o.entry().legId())
                  .toList();
          TagSuffix suffix = TagSuffix.of(sfx);
          if (!failed.isEmpty()) {
            script.deferred(
                suffix,
                "leg(s) " + failed + " failed; the index would be incomplete",
                failed,
                last.plusSeconds(60));
            return;
          }
          // now and then the merge service is down for hours (invariant 5 must see it)
          Instant mergeAt = last.plusSeconds(rnd.nextInt(1000) < 3 ? 4 * 3600 : 120);
          List<String> platforms = outcomes.stream().map(o -> o.entry().platform()).toList();
          List<String> tags = tags(trigger, sfx);
          List<PublishedIndex> indexes = new ArrayList<>();
          for (ImageRef repo : PUBLISH) {
            indexes.add(new PublishedIndex(repo, digest(), tags, platforms));
          }
          List<MergeSource> sources =
              outcomes.stream()
                  .map(o -> new MergeSource(o.entry().legId(), o.digest(), run))
                  .toList();
          script.merged(suffix, indexes, sources, mergeAt);
          script.cleaned(suffix, NAMES.keepaliveTagsToClean(run, suffix), mergeAt.plusSeconds(20));
        });
  }

  private static List<String> tags(Trigger trigger, String sfx) {
    return switch (trigger.kind()) {
      case TAG_PUSH -> List.of(trigger.tag() + sfx, "latest" + sfx);
      case SCHEDULE, WORKFLOW_DISPATCH ->
          List.of("master" + sfx, "sha-" + trigger.sha().short7() + sfx);
      default -> List.of("master" + sfx);
    };
  }

  private Outcome linuxLeg(
      RunScriptBuilder script, RunId run, Trigger trigger, SeedEntry e, Instant claimAt) {
    LegId leg = e.legId();
    String runsOn = e.get("runs-on");
    AgentId agent = AgentId.of(runsOn + "-" + (1 + rnd.nextInt(8)));
    script.claim(leg, agent, claimAt, LEASE);
    boolean hosted = HOSTED.contains(runsOn);
    AptMirror mirror = hosted ? HOSTED_MIRROR : SELF_HOSTED_MIRROR;
    String week = weekStyle.keyOf(claimAt).value();
    CacheRef ref = NAMES.cacheRef(LegKey.of(e.tagSuffix(), e.platformTag()));
    CacheSimulation.Inputs simulated =
        new CacheSimulation.Inputs(
            e.get("base-image"),
            mirror.mirror(),
            1,
            sourceVersion.getOrDefault(e.backend(), 0),
            week);
    StepStats steps = cache.steps(e, ref.toString(), simulated, rnd);
    Instant doneAt = claimAt.plusSeconds(60 + duration(steps));
    if (Duration.between(claimAt, doneAt).compareTo(Duration.ofMinutes(30)) > 0) {
      script.heartbeat(leg, agent, claimAt.plus(Duration.ofMinutes(25)), LEASE);
    }
    if (rnd.nextInt(1000) < 15) {
      script.failed(
          leg,
          agent,
          steps.steps().get(steps.steps().size() - 2).name(),
          "process did not complete successfully: exit code: 2",
          List.of("error: could not compile", "make: *** [Makefile:12: build] Error 2"),
          doneAt);
      return new Outcome(e, null, doneAt);
    }
    BuildInputs inputs = LegInputs.of(e, mirror, week, simulated.source());
    if (trigger.isPullRequest()) {
      List<ImageRef> tags =
          trigger.fork() ? List.of() : PrTestTags.forLeg(PR_REPO, trigger, LegInputs.linux(e));
      script.verified(leg, agent, tags, List.of(ref), steps, inputs, doneAt);
      return new Outcome(e, null, doneAt);
    }
    Digest digest = digest();
    String cacheTo = CachePolicy.cacheTo(trigger.kind(), ref).orElseThrow();
    script.pushed(
        leg,
        agent,
        digest,
        PUBLISH.stream().map(r -> r.withDigest(digest)).toList(),
        NAMES.keepaliveRef(run, LegKey.of(e.tagSuffix(), e.platformTag())),
        List.of(ref),
        List.of(new CacheWrite(ref, cacheTo)),
        steps,
        inputs,
        doneAt);
    cache.written(ref.toString(), simulated);
    return new Outcome(e, digest, doneAt);
  }

  private Outcome darwinLeg(
      RunScriptBuilder script, RunId run, Trigger trigger, SeedEntry e, Instant claimAt) {
    LegId leg = e.legId();
    AgentId agent = AgentId.of("macos-latest-" + (1 + rnd.nextInt(4)));
    script.claim(leg, agent, claimAt, LEASE);
    boolean pr = trigger.isPullRequest();
    darwin.leg(script, e, leg, pr, run.value(), claimAt.plusSeconds(30));
    Instant doneAt = claimAt.plusSeconds(900 + rnd.nextInt(1800));
    StepStats steps =
        new StepStats(List.of(new StepStats.BuildStep("make build-darwin", false, 600_000, null)));
    BuildInputs inputs =
        new BuildInputs(
            List.of(
                new BuildArg("BACKEND", e.backend()),
                new BuildArg("BUILD_TYPE", e.get("build-type"))),
            "macos-latest",
            "",
            LegInputs.fileDigest("darwin" + e.backend()),
            LegInputs.fileDigest(e.backend() + sourceVersion.getOrDefault(e.backend(), 0)),
            "macos-latest make",
            "",
            -1);
    if (pr) {
      script.verified(leg, agent, List.of(), List.of(), steps, inputs, doneAt.plusSeconds(700));
      return new Outcome(e, null, doneAt.plusSeconds(700));
    }
    Digest digest = digest();
    script.pushed(
        leg,
        agent,
        digest,
        PUBLISH.stream().map(r -> r.withDigest(digest)).toList(),
        CACHE_REPO.withTag("keepalive-" + run.value() + e.tagSuffix() + "-single"),
        List.of(),
        List.of(),
        steps,
        inputs,
        doneAt.plusSeconds(700));
    return new Outcome(e, digest, doneAt.plusSeconds(700));
  }

  /** The Saturday run that pushes every builder base the matrix names. */
  RunScript baseImages(RunId run, Trigger trigger, Instant at) {
    return new BaseImageRun(cache, rnd).script(run, trigger, matrix.builderBases(), at);
  }

  /** A release run that waited behind another run of its sha and was cancelled by a dispatch. */
  RunScript pendingCancelled(
      RunId run, Trigger trigger, Instant at, RunId cancelledBy, Instant cancelAt) {
    return new RunScriptBuilder(
            run,
            trigger,
            ConcurrencyScheme.BACKENDS.groupOf(trigger).key(),
            List.of("backend"),
            false,
            at)
        .cancelled(
            "superseded while pending by run " + cancelledBy.value() + " (GitHub concurrency)",
            "run:" + cancelledBy.value(),
            cancelAt)
        .build();
  }

  static long duration(StepStats steps) {
    return steps.steps().stream().mapToLong(StepStats.BuildStep::durationMillis).sum() / 1000;
  }

  private Digest digest() {
    byte[] bytes = new byte[32];
    rnd.nextBytes(bytes);
    return Digest.of("sha256:" + HexFormat.of().formatHex(bytes));
  }
}
