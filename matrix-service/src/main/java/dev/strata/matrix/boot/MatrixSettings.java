package dev.strata.matrix.boot;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the matrix role needs: the profile file (e.g. {@code profiles/localai.yml}) and the local
 * repository it plans from (a clone's work tree or a bare mirror; fetched before a plan when a
 * commit is missing and it has a remote).
 *
 * @param profile the profile file
 * @param repository the repository directory
 */
public record MatrixSettings(Path profile, Path repository) {
  public MatrixSettings {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(repository, "repository");
  }
}
