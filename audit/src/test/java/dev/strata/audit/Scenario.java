package dev.strata.audit;

import dev.strata.audit.core.seed.RunScript;
import dev.strata.audit.core.seed.RunScriptBuilder;
import dev.strata.audit.core.seed.SeedEntry;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.MergeSource;
import dev.strata.domain.run.api.PublishedIndex;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-written runs for the audit's integration tests, as scripts of commands. */
public final class Scenario {
  public static final Repository REPO = Repository.parse("mudler/LocalAI");
  public static final String CACHE_REPO = "quay.io/go-skynet/ci-cache";
  static final AgentId AGENT = AgentId.of("ubuntu-latest-1");
  static final ImageRef PUBLISH = ImageRef.of("quay.io/go-skynet/local-ai-backends");

  private Scenario() {}

  /** A Python entry of {@code backend} with tag-suffix {@code sfx} and platform-tag {@code pt}. */
  public static SeedEntry python(String sfx, String pt, String backend) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("build-type", "");
    f.put("platforms", pt.equals("arm64") ? "linux/arm64" : "linux/amd64");
    if (!pt.isEmpty()) {
      f.put("platform-tag", pt);
    }
    f.put("tag-latest", "auto");
    f.put("tag-suffix", sfx);
    f.put("runs-on", "ubuntu-latest");
    f.put("base-image", "ubuntu:24.04");
    f.put("backend", backend);
    f.put("dockerfile", "./backend/Dockerfile.python");
    return new SeedEntry(f, false);
  }

  public static CacheRef cacheRef(SeedEntry e) {
    return CacheRef.of(CACHE_REPO, "cache" + e.tagSuffix() + "-" + e.platformTag());
  }

  public static BuildInputs inputs(String baseImage, String depsWeek) {
    return new BuildInputs(
        List.of(
            new BuildArg("BASE_IMAGE", baseImage),
            new BuildArg("APT_MIRROR", "http://azure.archive.ubuntu.com"),
            new BuildArg("DEPS_REFRESH", depsWeek)),
        baseImage,
        "",
        "sha256:dockerfile",
        "sha256:context",
        "docker 20.10.24 buildkit",
        "",
        -1);
  }

  public static StepStats steps(int cached, int executed) {
    List<StepStats.BuildStep> steps = new ArrayList<>();
    for (int i = 0; i < cached; i++) {
      steps.add(new StepStats.BuildStep("cached " + i, true, 0, null));
    }
    for (int i = 0; i < executed; i++) {
      steps.add(new StepStats.BuildStep("RUN make " + i, false, 1000, null));
    }
    return new StepStats(steps);
  }

  /** A master push that builds {@code leg} (writing its cache) and merges it. */
  public static RunScript push(
      String run, Instant at, SeedEntry leg, String baseImage, String depsWeek, StepStats steps) {
    RunId id = RunId.of(run);
    Trigger trigger = Trigger.push(REPO, "master", sha(run + "a"), sha(run + "b"), false);
    RunScriptBuilder s =
        new RunScriptBuilder(id, trigger, "ci-backends", List.of("backend"), true, at);
    TagSuffix sfx = TagSuffix.of(leg.tagSuffix());
    s.plan(
        "backend",
        false,
        "",
        List.of(leg.planned()),
        List.of(new MergeGroup(sfx, "auto", List.of(leg.legId()), List.of(leg.legId()))),
        List.of(leg.backend()),
        at);
    s.claim(leg.legId(), AGENT, at.plusSeconds(10), Duration.ofHours(1));
    Digest digest = digest(run);
    CacheRef ref = cacheRef(leg);
    s.pushed(
        leg.legId(),
        AGENT,
        digest,
        List.of(PUBLISH.withDigest(digest)),
        ImageRef.of(CACHE_REPO).withTag("keepalive-" + run + leg.tagSuffix() + "-single"),
        List.of(ref),
        List.of(new CacheWrite(ref, "mode=max,ignore-error=true")),
        steps,
        inputs(baseImage, depsWeek),
        at.plusSeconds(600));
    s.merged(
        sfx,
        List.of(
            new PublishedIndex(
                PUBLISH, digest(run + "i"), List.of("master" + sfx), List.of(leg.platform()))),
        List.of(new MergeSource(leg.legId(), digest, id)),
        at.plusSeconds(700));
    return s.build();
  }

  /** A pull request that verifies {@code leg}; with {@code exportCache} it (wrongly) writes it. */
  public static RunScript pullRequest(
      String run, int number, Instant at, SeedEntry leg, boolean exportCache, StepStats steps) {
    Trigger trigger =
        Trigger.pullRequest(REPO, number, sha(run + "a"), sha(run + "b"), null, false);
    RunScriptBuilder s =
        new RunScriptBuilder(
            RunId.of(run), trigger, "ci-backends-pr", List.of("backend"), true, at);
    s.plan("backend", false, "", List.of(leg.planned()), List.of(), List.of(leg.backend()), at);
    s.claim(leg.legId(), AGENT, at.plusSeconds(10), Duration.ofHours(1));
    CacheRef ref = cacheRef(leg);
    s.verified(
        leg.legId(),
        AGENT,
        List.of(),
        List.of(ref),
        steps,
        inputs("ubuntu:24.04", "2026-W46"),
        at.plusSeconds(600));
    RunScript script = s.build();
    if (!exportCache) {
      return script;
    }
    // the same build, recorded as exporting its cache: rebuild the last command
    List<Object> commands = new ArrayList<>(script.commands());
    var verified =
        (dev.strata.domain.run.api.RecordLegVerified) commands.remove(commands.size() - 1);
    commands.add(
        new dev.strata.domain.run.api.RecordLegVerified(
            verified.runId(),
            verified.legId(),
            verified.agentId(),
            verified.pushedTags(),
            verified.cacheRead(),
            List.of(new CacheWrite(ref, "mode=max,ignore-error=true")),
            verified.steps(),
            verified.inputs(),
            verified.at()));
    return new RunScript(script.name(), script.startedAt(), commands);
  }

  public static RunScript eviction(String id, String ref, String by, Instant at) {
    return RunScriptBuilder.batch("ev" + id, at)
        .evict(id, "registry", ref, "manual clean-up", by, 1000, at)
        .build();
  }

  static CommitSha sha(String seed) {
    return new CommitSha(
        String.format("%040x", new java.math.BigInteger(1, seed.getBytes())).substring(0, 40));
  }

  static Digest digest(String seed) {
    return Digest.of(
        "sha256:"
            + String.format("%064x", new java.math.BigInteger(1, seed.getBytes()))
                .substring(0, 64));
  }
}
