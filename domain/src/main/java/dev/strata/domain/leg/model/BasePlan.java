package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.cache.model.BaseImageNames;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.trigger.api.TriggerKind;
import java.util.List;

/**
 * The build of one prebuilt builder base (DOMAIN.md 6.1): build-args {@code BASE_IMAGE}, {@code
 * BUILD_TYPE}, {@code CUDA_MAJOR_VERSION}, {@code CUDA_MINOR_VERSION}, {@code UBUNTU_VERSION},
 * {@code SKIP_DRIVERS} in that order (no APT mirror, no {@code DEPS_REFRESH}); pushed as the normal
 * tag {@code <cacheRepo>:<tag>}; registry cache {@code <cacheRepo>:cache-<tag>} read and written.
 *
 * @param variant the variant
 * @param image the base's tag in the cache repository
 * @param dockerfile the base Dockerfile, e.g. {@code backend/Dockerfile.base-grpc-builder}
 * @param context the build context, e.g. {@code ./}
 * @param buildArgs the build-args in order
 * @param cache the base's own registry cache
 */
public record BasePlan(
    BaseVariant variant,
    ImageRef image,
    String dockerfile,
    String context,
    List<BuildArg> buildArgs,
    CachePolicy.CacheAccess cache) {
  public BasePlan {
    Values.required(variant, "base variant");
    Values.required(image, "base image ref");
    Values.required(dockerfile, "base dockerfile");
    Values.required(context, "base context");
    buildArgs = List.copyOf(Values.required(buildArgs, "build-args"));
    Values.required(cache, "cache access");
  }

  /** The plan of {@code variant}, named in {@code names}' cache repository. */
  public static BasePlan of(
      BaseImageNames names, BaseVariant variant, String dockerfile, String context) {
    Values.required(names, "base image names");
    Values.required(variant, "base variant");
    List<BuildArg> args =
        List.of(
            new BuildArg("BASE_IMAGE", variant.baseImage()),
            new BuildArg("BUILD_TYPE", variant.buildType()),
            new BuildArg("CUDA_MAJOR_VERSION", variant.cudaMajor()),
            new BuildArg("CUDA_MINOR_VERSION", variant.cudaMinor()),
            new BuildArg("UBUNTU_VERSION", variant.ubuntuVersion()),
            new BuildArg("SKIP_DRIVERS", variant.skipDrivers()));
    // bases are built by the weekly schedule or a dispatch, never by a pull request: they write
    return new BasePlan(
        variant,
        names.image(variant.tag()),
        dockerfile,
        context,
        args,
        CachePolicy.forLeg(TriggerKind.WORKFLOW_DISPATCH, names.cacheRef(variant.tag())));
  }
}
