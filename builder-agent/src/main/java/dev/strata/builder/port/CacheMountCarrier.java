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
   * Fills the builder's mount {@code artifact.mountId()} from the artifact, when it exists.
   *
   * @param toolImage an image with {@code sh} and {@code tar} to run the copy in
   * @return the restored artifact's digest; empty when there was none or the restore failed
   */
  Optional<Digest> restore(CcacheArtifact artifact, String toolImage, BuildListener listener)
      throws InterruptedException;

  /**
   * Saves the builder's mount into the artifact.
   *
   * @return the saved artifact's digest; empty when the save failed
   */
  Optional<Digest> save(CcacheArtifact artifact, String toolImage, BuildListener listener)
      throws InterruptedException;
}
