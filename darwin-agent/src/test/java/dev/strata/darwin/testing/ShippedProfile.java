package dev.strata.darwin.testing;

import dev.strata.darwin.boot.DarwinProfileLoader;
import dev.strata.darwin.core.DarwinProfile;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.runtime.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The Darwin part of the shipped {@code profiles/localai.yml}, found above the working directory.
 */
public final class ShippedProfile {
  private ShippedProfile() {}

  /** The shipped profile file. */
  public static Path file() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path candidate = p.resolve("profiles/localai.yml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "Cannot find profiles/localai.yml above " + Path.of("").toAbsolutePath());
  }

  /** LocalAI's Darwin profile, publishing to {@code publish}. */
  public static DarwinProfile localAi(List<ImageRef> publish) {
    try {
      return DarwinProfileLoader.load(file(), publish);
    } catch (ConfigException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
