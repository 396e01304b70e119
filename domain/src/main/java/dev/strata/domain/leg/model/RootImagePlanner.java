package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
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
 * The {@link BuildPlan} of a root image leg (DOMAIN.md 4.8, {@code image_build.yml}): the root
 * repositories, the profile's Dockerfile and context, the ten root build-args in order (no {@code
 * DEPS_REFRESH}, no builder base, so no ccache either), inputs a leg does not name taken from the
 * profile's defaults, the cache ref {@code cache-<image><sfx>-<pt>} without placeholder, and the
 * keepalive anchor with it ({@code keepalive-<run>-core-<pt>}). A pull request reads the cache,
 * writes none and pushes nothing: its {@code ci-tests} tags ({@code localai<PR>-<build-type>-<maj>-
 * <min>}) are computed but, as in LocalAI, never pushed.
 */
public final class RootImagePlanner {
  /** The root build-args in {@code image_build.yml}'s order, each with the input it reads. */
  private static final List<String[]> ARGS =
      List.of(
          new String[] {"BUILD_TYPE", "build-type"},
          new String[] {"CUDA_MAJOR_VERSION", "cuda-major-version"},
          new String[] {"CUDA_MINOR_VERSION", "cuda-minor-version"},
          new String[] {"BASE_IMAGE", "base-image"},
          new String[] {"MAKEFLAGS", "makeflags"},
          new String[] {"SKIP_DRIVERS", "skip-drivers"},
          new String[] {"UBUNTU_VERSION", "ubuntu-version"},
          new String[] {"UBUNTU_CODENAME", "ubuntu-codename"});

  private RootImagePlanner() {}

  /**
   * The plan of {@code request}'s root leg; {@code shared} gives what root and backend legs share
   * (APT mirrors per runner class, the web address for labels).
   */
  public static BuildPlan plan(LegProfile shared, RootImageProfile root, LegRequest request) {
    Values.required(shared, "leg profile");
    Values.required(root, "root image profile");
    Values.required(request, "leg request");
    LinuxEntry entry = request.entry();
    Trigger trigger = request.trigger();
    LegKey key = entry.legKey();
    PushPlan push =
        trigger.isPullRequest()
            ? new PushPlan.TestTags(prTags(root, trigger, entry), false)
            : new PushPlan.ByDigest(root.naming().publishRepos());
    String sourceUrl = shared.webBaseUrl() + "/" + trigger.repository().fullName();
    return new BuildPlan(
        key,
        entry.platforms(),
        root.context(),
        root.dockerfile(),
        buildArgs(root, entry, shared.aptMirrors().forRunner(RunnerClass.of(entry.runsOn()))),
        CachePolicy.forLeg(trigger.kind(), root.names().cacheRef(key)),
        push,
        ImageLabels.of(version(root, trigger, entry, push), trigger, sourceUrl, request.created()),
        push instanceof PushPlan.ByDigest
            ? Optional.of(root.names().keepaliveRef(request.runId(), key))
            : Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** The ten root build-args, in order. */
  public static List<BuildArg> buildArgs(RootImageProfile root, LinuxEntry entry, AptMirror apt) {
    Values.required(root, "root image profile");
    Values.required(entry, "matrix entry");
    Values.required(apt, "APT mirror");
    List<BuildArg> args = new java.util.ArrayList<>();
    for (String[] a : ARGS) {
      args.add(new BuildArg(a[0], root.input(entry.fields(), a[1], entry.string(a[1]))));
    }
    args.add(new BuildArg("APT_MIRROR", apt.mirror()));
    args.add(new BuildArg("APT_PORTS_MIRROR", apt.portsMirror()));
    return List.copyOf(args);
  }

  private static List<ImageRef> prTags(RootImageProfile root, Trigger pr, LinuxEntry entry) {
    String sfx =
        root.imageName()
            + pr.prNumber()
            + "-"
            + root.input(entry.fields(), "build-type", entry.buildType())
            + "-"
            + root.input(entry.fields(), "cuda-major-version", entry.string("cuda-major-version"))
            + "-"
            + root.input(entry.fields(), "cuda-minor-version", entry.string("cuda-minor-version"));
    return PrTestTags.withSuffix(root.naming().prRepo(), pr, sfx);
  }

  private static String version(
      RootImageProfile root, Trigger trigger, LinuxEntry entry, PushPlan push) {
    if (trigger.isPullRequest()) {
      List<ImageRef> tags = push.tags();
      return tags.isEmpty() ? "" : tags.get(0).tag();
    }
    // the default-branch stamp ranks below the branch rule, so it never is the main version
    String main =
        MetadataTags.backend(root.naming().publishRepos(), LatestMode.AUTO, entry.tagSuffix())
            .version(TagContext.of(trigger))
            .main();
    return main == null ? "" : main;
  }
}
