package dev.strata.domain.run.api;

import dev.strata.domain.Values;
import java.util.List;

/**
 * What went into a build, as recorded for {@code strata audit explain}: a miss is explained by the
 * first of these that differs from the last write of the cache ref.
 *
 * @param buildArgs the build-args in the order passed
 * @param baseImage the base image ({@code BASE_IMAGE})
 * @param builderBaseImage the prebuilt builder base, or ""
 * @param dockerfileDigest a digest of the Dockerfile's content
 * @param contextDigest a digest of the build context
 * @param builder the builder that ran it (driver and engine version)
 * @param ccacheMountId the ccache mount id, or ""
 * @param ccacheHits ccache hits reported by the build, or -1 when unknown
 */
public record BuildInputs(
    List<BuildArg> buildArgs,
    String baseImage,
    String builderBaseImage,
    String dockerfileDigest,
    String contextDigest,
    String builder,
    String ccacheMountId,
    long ccacheHits) {
  public BuildInputs {
    buildArgs = List.copyOf(Values.required(buildArgs, "build-args"));
    Values.required(baseImage, "base image");
    Values.required(builderBaseImage, "builder base image");
    Values.required(dockerfileDigest, "dockerfile digest");
    Values.required(contextDigest, "context digest");
    Values.required(builder, "builder");
    Values.required(ccacheMountId, "ccache mount id");
  }

  /** The value of a build-arg, or null when it was not passed. */
  public String buildArg(String name) {
    return buildArgs.stream()
        .filter(a -> a.name().equals(name))
        .map(BuildArg::value)
        .findFirst()
        .orElse(null);
  }
}
