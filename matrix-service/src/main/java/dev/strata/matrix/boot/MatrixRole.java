package dev.strata.matrix.boot;

import dev.strata.matrix.core.run.TriggerPlanner;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the launcher needs from the matrix-service to run it as a role.
 *
 * <pre>{@code
 * Optional<MatrixSettings> settings = MatrixRole.settings(config.profile(), repoOption, env);
 * settings.ifPresent(s -> builder.install(MatrixRole.module(s)));
 * }</pre>
 */
public final class MatrixRole {
  /** The role's name ({@code strata serve} lists it; also its processor's name). */
  public static final String NAME = "matrix";

  /** The environment variable naming the repository when no option does. */
  public static final String REPOSITORY_ENV = "STRATA_REPOSITORY";

  private MatrixRole() {}

  /**
   * Settings when both a profile and a repository are known: {@code repository}, else {@code
   * $STRATA_REPOSITORY}.
   */
  public static Optional<MatrixSettings> settings(
      Optional<Path> profile, Path repository, Map<String, String> env) {
    Path repo = repository;
    if (repo == null && env.get(REPOSITORY_ENV) != null && !env.get(REPOSITORY_ENV).isBlank()) {
      repo = Path.of(env.get(REPOSITORY_ENV));
    }
    if (profile.isEmpty() || repo == null) {
      return Optional.empty();
    }
    return Optional.of(new MatrixSettings(profile.get(), repo));
  }

  /** Why {@link #settings} found none, for {@code strata serve}'s banner. */
  public static String missing(Optional<Path> profile, Path repository, Map<String, String> env) {
    boolean noRepo =
        repository == null
            && (env.get(REPOSITORY_ENV) == null || env.get(REPOSITORY_ENV).isBlank());
    if (profile.isEmpty() && noRepo) {
      return "no profile and no repository; see --profile and --repo";
    }
    return profile.isEmpty()
        ? "no profile; see --profile or the config's 'profile' key"
        : "no repository; see --repo or $" + REPOSITORY_ENV;
  }

  /** The matrix processor over the repository and profile {@code settings} name. */
  public static MatrixModule module(MatrixSettings settings) {
    return new MatrixModule(settings);
  }

  /**
   * Plans triggers as the role does, outside a running role (the audit's what-if re-plans recorded
   * triggers with another profile). The profile is read on every plan.
   */
  public static TriggerPlanner planner(MatrixSettings settings) {
    return new RepositoryTriggerPlanner(settings);
  }
}
