package dev.strata.launcher;

import dev.strata.merge.boot.MergeRole;
import dev.strata.merge.boot.MergeSettings;
import dev.strata.runtime.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds and loads the merge role's settings ({@code merge.yml}). */
final class MergeConfig {
  static final Path DEFAULT = Path.of("merge.yml");

  private MergeConfig() {}

  /** The settings from {@code file}, or from ./merge.yml when present, else null. */
  static MergeSettings load(Path file) throws ConfigException {
    Path chosen = file != null ? file : (Files.exists(DEFAULT) ? DEFAULT : null);
    if (chosen == null) {
      return null;
    }
    try {
      return MergeRole.settings(chosen, System.getenv());
    } catch (RuntimeException e) {
      throw new ConfigException(e.getMessage(), e);
    }
  }
}
