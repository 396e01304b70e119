package dev.strata.darwin.port;

import java.io.IOException;
import java.nio.file.Path;

/** Makes and checks OCI image tarballs (an OCI layout in one tar: {@code <backend>.tar}). */
public interface ImagePackager {

  /**
   * Writes a single-platform OCI image of {@code dir}'s content (one layer) to {@code tarball}.
   *
   * @param imageName the {@code org.opencontainers.image.ref.name} annotation
   * @param platform {@code os/arch}, e.g. {@code darwin/arm64}
   */
  void pack(Path dir, Path tarball, String imageName, String platform) throws IOException;

  /** Checks that {@code tarball} is an OCI layout holding one image; throws if not. */
  void check(Path tarball) throws IOException;
}
