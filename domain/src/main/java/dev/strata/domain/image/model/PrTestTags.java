package dev.strata.domain.image.model;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.trigger.api.Trigger;
import java.util.List;

/**
 * The tags a pull-request leg gets on the PR test repository (DOMAIN.md 4.7). Each rule carries the
 * per-tag suffix {@code <PR number>-<backend>-<build-type>-<cuda-major>-<cuda-minor>}; on a pull
 * request only {@code type=sha} produces a value, so the tag is {@code sha-<7 of the merge sha>}
 * directly followed by that suffix, e.g. {@code
 * quay.io/go-skynet/ci-tests:sha-1a2b3c411000-vllm-cublas-12-8}, sanitised.
 */
public final class PrTestTags {
  private PrTestTags() {}

  /** The per-tag suffix {@code <PR>-<backend>-<build-type>-<cuda-major>-<cuda-minor>}. */
  public static String suffix(
      int prNumber, String backend, String buildType, String cudaMajor, String cudaMinor) {
    Values.required(backend, "backend");
    Values.required(buildType, "build-type");
    Values.required(cudaMajor, "cuda-major-version");
    Values.required(cudaMinor, "cuda-minor-version");
    return prNumber + "-" + backend + "-" + buildType + "-" + cudaMajor + "-" + cudaMinor;
  }

  /** The tags of {@code entry}'s leg for pull request {@code pr} on {@code prRepo}. */
  public static List<ImageRef> forLeg(ImageRef prRepo, Trigger pr, LinuxEntry entry) {
    Values.required(pr, "trigger");
    Values.required(entry, "matrix entry");
    if (!pr.isPullRequest()) {
      throw new IllegalArgumentException(
          "Tried to compute PR test tags but failed because: the trigger is a "
              + pr.kind()
              + ", not a pull request");
    }
    String sfx =
        suffix(
            pr.prNumber(),
            entry.backend(),
            entry.buildType(),
            entry.string("cuda-major-version"),
            entry.string("cuda-minor-version"));
    return withSuffix(prRepo, pr, sfx);
  }

  /**
   * The tags of pull request {@code pr} on {@code prRepo} whose rules carry the per-tag suffix
   * {@code sfx} (the root image's is {@code localai<PR>-<build-type>-<maj>-<min>}, 4.8).
   */
  public static List<ImageRef> withSuffix(ImageRef prRepo, Trigger pr, String sfx) {
    Values.required(pr, "trigger");
    Values.required(sfx, "per-tag suffix");
    if (!pr.isPullRequest()) {
      throw new IllegalArgumentException(
          "Tried to compute PR test tags but failed because: the trigger is a "
              + pr.kind()
              + ", not a pull request");
    }
    MetadataTags config =
        new MetadataTags(
            List.of(prRepo),
            List.of(new TagRule.Branch(sfx), new TagRule.SemverRaw(sfx), new TagRule.Sha(sfx)),
            LatestMode.AUTO,
            "",
            false);
    return config.tags(TagContext.of(pr));
  }
}
