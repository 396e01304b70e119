package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.cache.model.CcacheMounts;
import dev.strata.domain.cache.model.LegNames;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.image.model.LatestMode;
import dev.strata.domain.image.model.MetadataTags;
import dev.strata.domain.image.model.PrTestTags;
import dev.strata.domain.image.model.TagContext;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.trigger.api.Trigger;
import java.util.List;
import java.util.Optional;

/**
 * Turns a leg (matrix entry + trigger + profile) into its {@link BuildPlan}, combining the leg
 * policies: build-args ({@link LegBuildArgs}, with {@code DEPS_REFRESH} from the job start's week
 * and {@code BUILDER_TARGET}), the APT mirror of the entry's runner class, cache read/write ({@link
 * CachePolicy}), push by digest or PR test tags ({@link PushPolicy}), the keepalive anchor ({@link
 * LegNames}), metadata labels ({@link ImageLabels}) and the ccache mount ({@link CcacheMounts}).
 */
public final class BuildPlanner {
  private BuildPlanner() {}

  /** The plan of {@code request}'s leg under {@code profile}. */
  public static BuildPlan plan(LegProfile profile, LegRequest request) {
    Values.required(profile, "leg profile");
    Values.required(request, "leg request");
    LinuxEntry entry = request.entry();
    Trigger trigger = request.trigger();
    LegKey key = entry.legKey();
    LegNames names = LegNames.backend(profile.naming().cacheRepo());
    List<BuildArg> args =
        LegBuildArgs.of(
            entry,
            new LegBuildArgs.Context(
                profile.aptMirrors().forRunner(RunnerClass.of(entry.runsOn())),
                profile.weekKeyStyle().keyOf(request.jobStart()),
                profile.defaultAmdgpuTargets()));
    PushPlan push = PushPolicy.forLeg(trigger, profile.naming(), entry);
    String sourceUrl = profile.webBaseUrl() + "/" + trigger.repository().fullName();
    List<ImageLabel> labels =
        ImageLabels.of(version(profile, trigger, entry), trigger, sourceUrl, request.created());
    boolean writes = CachePolicy.writesCache(trigger.kind());
    Optional<CcacheArtifact> ccache =
        profile
            .ccacheMounts()
            .mountId(entry.backend(), entry.platforms(), entry.buildType())
            .map(id -> CcacheArtifact.in(profile.naming().cacheRepo(), id, writes));
    String builderBase = entry.builderBaseImage();
    return new BuildPlan(
        key,
        entry.platforms(),
        entry.string("context"),
        entry.dockerfile(),
        args,
        CachePolicy.forLeg(trigger.kind(), names.cacheRef(key)),
        push,
        labels,
        push instanceof PushPlan.ByDigest
            ? Optional.of(names.keepaliveRef(request.runId(), key))
            : Optional.empty(),
        builderBase.isEmpty() ? Optional.empty() : Optional.of(ImageRef.parse(builderBase)),
        ccache);
  }

  /** The main version of the meta step the leg's variant uses (4.4 non-PR, 4.7 PR). */
  private static String version(LegProfile profile, Trigger trigger, LinuxEntry entry) {
    if (trigger.isPullRequest()) {
      List<ImageRef> tags = PrTestTags.forLeg(profile.naming().prRepo(), trigger, entry);
      return tags.isEmpty() ? "" : tags.get(0).tag();
    }
    String main =
        MetadataTags.backend(
                profile.naming().publishRepos(),
                LatestMode.parse(entry.tagLatest()),
                entry.tagSuffix())
            .version(TagContext.of(trigger))
            .main();
    return main == null ? "" : main;
  }
}
