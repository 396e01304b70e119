package dev.strata.merge.boot;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the launcher needs from the merge-service: the role's runtime module and the {@code strata
 * cache} command.
 *
 * <pre>{@code
 * MergeSettings settings = MergeRole.settings(Path.of("merge.yml"), System.getenv());
 * StrataRuntime.builder(config).install(new DomainModule()).install(MergeRole.module(settings));
 * cli.addSubcommand(MergeRole.cacheCommand(() -> CacheContext.over(startedRuntime(), settings)));
 * }</pre>
 */
public final class MergeRole {
  /** The role's name ({@code strata serve} lists it; also its processor's name). */
  public static final String NAME = "merge";

  private MergeRole() {}

  /** Settings from a YAML file (see {@link MergeSettingsLoader}). */
  public static MergeSettings settings(Path file, Map<String, String> env) {
    return MergeSettingsLoader.load(file, env);
  }

  /** The merge processor over real registries. */
  public static MergeModule module(MergeSettings settings) {
    return new MergeModule(settings);
  }

  /** {@code strata cache list|evict|gc}. */
  public static CacheCommand cacheCommand(CacheContext.Opener opener) {
    return new CacheCommand(opener);
  }
}
