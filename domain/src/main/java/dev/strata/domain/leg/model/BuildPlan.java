package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.LegKey;
import java.util.List;
import java.util.Optional;

/**
 * Everything a driver needs to build one Linux leg, decided up front (DOMAIN.md 4.2-4.7). Drivers
 * render it into command lines ({@link BuildxCommands}, {@link EngineCommands}); nothing in a plan
 * depends on the machine that builds it.
 *
 * @param legKey the leg's identity
 * @param platform the single target platform, e.g. {@code linux/amd64}
 * @param context the build context as written in the entry, e.g. {@code ./}
 * @param dockerfile the Dockerfile as written in the entry, e.g. {@code
 *     ./backend/Dockerfile.python}
 * @param buildArgs the 13 build-args in LocalAI's order ({@link LegBuildArgs})
 * @param cache the registry cache read and (outside pull requests) written
 * @param push what the build pushes
 * @param labels the image labels, in order
 * @param anchor the keepalive anchor in the cache repository (push-by-digest legs only)
 * @param builderBaseImage the prebuilt builder base the build needs, checked before building
 * @param ccache the ccache mount to carry between builders, when the backend has one
 */
public record BuildPlan(
    LegKey legKey,
    String platform,
    String context,
    String dockerfile,
    List<BuildArg> buildArgs,
    CachePolicy.CacheAccess cache,
    PushPlan push,
    List<ImageLabel> labels,
    Optional<ImageRef> anchor,
    Optional<ImageRef> builderBaseImage,
    Optional<CcacheArtifact> ccache) {
  public BuildPlan {
    Values.required(legKey, "leg key");
    Values.required(platform, "platform");
    Values.required(context, "context");
    Values.required(dockerfile, "dockerfile");
    buildArgs = List.copyOf(Values.required(buildArgs, "build-args"));
    Values.required(cache, "cache access");
    Values.required(push, "push plan");
    labels = List.copyOf(Values.required(labels, "labels"));
    Values.required(anchor, "anchor");
    Values.required(builderBaseImage, "builder base image");
    Values.required(ccache, "ccache artifact");
    if (push instanceof PushPlan.ByDigest && anchor.isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid build plan for "
              + legKey
              + ": a push-by-digest leg needs a keepalive anchor (DOMAIN.md 4.5)");
    }
  }

  /** Whether the build pushes by digest (non-PR legs). */
  public boolean byDigest() {
    return push instanceof PushPlan.ByDigest;
  }

  /** The value of build-arg {@code name}, or empty when it is not passed. */
  public Optional<String> buildArg(String name) {
    return buildArgs.stream().filter(a -> a.name().equals(name)).map(BuildArg::value).findFirst();
  }
}
