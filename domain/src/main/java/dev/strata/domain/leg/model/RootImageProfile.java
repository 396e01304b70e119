package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.cache.model.LegNames;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.image.model.ImageNaming;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The profile data of root image legs (DOMAIN.md 4.8), nothing of it hard-coded: LocalAI's is
 * pipeline {@code root-image}, repositories {@code quay.io/go-skynet/local-ai} and {@code
 * localai/localai}, image name {@code localai}, placeholder {@code -core}, {@code ./Dockerfile} in
 * context {@code .}, and {@code image_build.yml}'s input defaults.
 *
 * @param pipeline the pipeline name whose legs are root image legs, e.g. {@code root-image}
 * @param naming the cache repository, the publish repositories (the first is the anchor source) and
 *     the pull-request repository
 * @param imageName the name in the cache and artifact prefixes, e.g. {@code localai}
 * @param emptySuffixPlaceholder what stands for an empty tag-suffix outside the cache ref, e.g.
 *     {@code -core}
 * @param dockerfile the Dockerfile, e.g. {@code ./Dockerfile}
 * @param context the build context, e.g. {@code .}
 * @param inputDefaults the value of each input a leg does not name, e.g. {@code cuda-minor-version
 *     -> 9}
 */
public record RootImageProfile(
    String pipeline,
    ImageNaming naming,
    String imageName,
    TagSuffix emptySuffixPlaceholder,
    String dockerfile,
    String context,
    Map<String, String> inputDefaults) {
  private static final Pattern PIPELINE = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  public RootImageProfile {
    Values.matching(pipeline, PIPELINE, "root image pipeline", "e.g. \"root-image\"");
    Values.required(naming, "root image naming");
    Values.required(dockerfile, "root image Dockerfile");
    Values.required(context, "root image context");
    if (dockerfile.isBlank() || context.isBlank()) {
      throw new IllegalArgumentException(
          "Invalid root image Dockerfile "
              + Values.quote(dockerfile)
              + " or context "
              + Values.quote(context)
              + ": expected a path each, e.g. \"./Dockerfile\" and \".\"");
    }
    inputDefaults =
        Collections.unmodifiableMap(
            new LinkedHashMap<>(Values.required(inputDefaults, "root image input defaults")));
    // validates the image name and the placeholder
    LegNames.rootImage(naming.cacheRepo(), imageName, emptySuffixPlaceholder);
  }

  /** The names of root legs: {@code cache-<image><sfx>-<pt>}, anchors with the placeholder. */
  public LegNames names() {
    return LegNames.rootImage(naming.cacheRepo(), imageName, emptySuffixPlaceholder);
  }

  /** The leg's input {@code field}: as the leg names it, else the default, else "". */
  public String input(Map<String, ?> fields, String field, String asWritten) {
    return fields.containsKey(field) ? asWritten : inputDefaults.getOrDefault(field, "");
  }
}
