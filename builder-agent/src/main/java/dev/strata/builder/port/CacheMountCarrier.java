package dev.strata.builder.port;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.leg.model.CcacheArtifact;
import java.util.Optional;

/**
 * Moves a BuildKit cache mount's contents between the builder and the registry (DOMAIN.md 15.7).
 * Failures are never fatal: ccache only speeds a build up, so a failed restore or save is reported
 * to the listener and the build goes on.
 */
public interface CacheMountCarrier {

  /**
   * Fills the builder's mount from the artifact, when it exists.
   *
   * @param builderKey the builder's key of the mount (the id text as the builder uses it)
   * @param toolImage an image with {@code sh} and {@code tar} to run the copy in
   * @return the restored artifact's digest; empty when there was none or the restore failed
   */
  Optional<Digest> restore(
      CcacheArtifact artifact, String builderKey, String toolImage, BuildListener listener)
      throws InterruptedException;

  /**
   * Saves the builder's mount into the artifact.
   *
   * @param builderKey the builder's key of the mount
   * @return the saved artifact's digest; empty when the save failed
   */
  Optional<Digest> save(
      CcacheArtifact artifact, String builderKey, String toolImage, BuildListener listener)
      throws InterruptedException;
}
