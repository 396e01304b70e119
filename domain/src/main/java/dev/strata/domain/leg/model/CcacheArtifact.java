package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.image.api.ImageRef;

/**
 * Where a BuildKit cache mount's contents survive between builders (DOMAIN.md 7, 15.7): an OCI
 * artifact in the cache repository tagged by the mount id, e.g. {@code
 * quay.io/go-skynet/ci-cache:llama-cpp-ccache-amd64-cublas}. A leg restores it before building and,
 * when its run writes caches, saves it back afterwards.
 *
 * @param mountId the cache mount id ({@link dev.strata.domain.cache.model.CcacheMounts})
 * @param ref the artifact's reference
 * @param save whether the leg saves the mount back (never for pull requests)
 */
public record CcacheArtifact(String mountId, ImageRef ref, boolean save) {
  public CcacheArtifact {
    Values.required(mountId, "ccache mount id");
    Values.required(ref, "ccache artifact ref");
    if (!mountId.equals(ref.tag())) {
      throw new IllegalArgumentException(
          "Invalid ccache artifact "
              + Values.quote(ref.toString())
              + ": expected its tag to be the mount id "
              + Values.quote(mountId));
    }
  }

  /** The artifact of {@code mountId} in {@code cacheRepo}. */
  public static CcacheArtifact in(ImageRef cacheRepo, String mountId, boolean save) {
    Values.required(cacheRepo, "cache repository");
    return new CcacheArtifact(mountId, cacheRepo.withTag(mountId), save);
  }
}
