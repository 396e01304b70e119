package dev.strata.audit.core.seed;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.model.ConcurrencyScheme;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Saturday base-images run (DOMAIN.md 6.1): one leg per builder base the matrix names, pushed
 * as a tag of the cache repository with its own registry cache; no merge.
 */
final class BaseImageRun {
  private final CacheSimulation cache;
  private final Random rnd;

  BaseImageRun(CacheSimulation cache, Random rnd) {
    this.cache = cache;
    this.rnd = rnd;
  }

  RunScript script(RunId run, Trigger trigger, List<String> builderBases, Instant at) {
    RunScriptBuilder script =
        new RunScriptBuilder(
            run,
            trigger,
            ConcurrencyScheme.BASE_IMAGES.groupOf(trigger).key(),
            List.of("base-images"),
            true,
            at);
    List<SeedEntry> bases = new ArrayList<>();
    for (String ref : builderBases) {
      String tag = ImageRef.parse(ref).tag();
      Map<String, String> f = new LinkedHashMap<>();
      f.put("tag", tag);
      f.put("runs-on", tag.endsWith("arm64") ? "ubuntu-24.04-arm" : "ubuntu-latest");
      f.put("base-image", tag.contains("rocm") ? "rocm/dev-ubuntu-24.04:7.2.1" : "ubuntu:24.04");
      f.put("backend", "base-grpc");
      f.put("dockerfile", "./backend/Dockerfile.base-grpc-builder");
      bases.add(new SeedEntry(f, false));
    }
    List<PlannedLeg> planned =
        bases.stream()
            .map(
                b ->
                    new PlannedLeg(
                        legId(b),
                        RunnerClass.of(b.get("runs-on")),
                        TagSuffix.NONE,
                        false,
                        b.planned().fields()))
            .toList();
    script.plan("base-images", true, "schedule", planned, List.of(), List.of(), at.plusSeconds(30));
    for (SeedEntry b : bases) {
      leg(script, b, at);
    }
    return script.build();
  }

  private void leg(RunScriptBuilder script, SeedEntry b, Instant runAt) {
    AgentId agent = AgentId.of(b.get("runs-on") + "-" + (1 + rnd.nextInt(8)));
    Instant claimAt = runAt.plusSeconds(60 + rnd.nextInt(600));
    script.claim(legId(b), agent, claimAt, Duration.ofMinutes(45));
    CacheRef ref = CacheRef.of(LegSimulation.CACHE_REPO.repository(), "cache-" + b.get("tag"));
    CacheSimulation.Inputs simulated =
        new CacheSimulation.Inputs(b.get("base-image"), "", 1, 0, "");
    StepStats steps = cache.steps(b, ref.toString(), simulated, rnd);
    ImageRef image = LegSimulation.CACHE_REPO.withTag(b.get("tag"));
    BuildInputs inputs =
        new BuildInputs(
            List.of(new BuildArg("BASE_IMAGE", b.get("base-image"))),
            b.get("base-image"),
            "",
            LegInputs.fileDigest("base-grpc-builder"),
            LegInputs.fileDigest("install-base-deps"),
            "docker 20.10.24 buildkit",
            "",
            -1);
    byte[] bytes = new byte[32];
    rnd.nextBytes(bytes);
    script.pushed(
        legId(b),
        agent,
        Digest.of("sha256:" + HexFormat.of().formatHex(bytes)),
        List.of(image),
        image,
        List.of(ref),
        List.of(new CacheWrite(ref, "mode=max,ignore-error=true")),
        steps,
        inputs,
        claimAt.plusSeconds(60 + LegSimulation.duration(steps)));
    cache.written(ref.toString(), simulated);
  }

  private static LegId legId(SeedEntry b) {
    return LegId.of("base:" + b.get("tag"));
  }
}
