package dev.strata.builder.boot;

import dev.strata.domain.cache.model.BaseImageNames;
import dev.strata.domain.leg.model.BaseVariant;
import dev.strata.domain.leg.model.LegProfile;
import dev.strata.domain.leg.model.RootImageProfile;
import java.util.List;
import java.util.Optional;

/**
 * The builder's part of a profile file: everything a leg's plan needs ({@link LegProfile}) and the
 * prebuilt builder bases (DOMAIN.md 6.1).
 *
 * @param name the profile's name
 * @param legs what leg plans need
 * @param bases the builder bases, in file order
 * @param baseDockerfile the base Dockerfile, e.g. {@code backend/Dockerfile.base-grpc-builder}
 * @param baseContext the bases' build context, e.g. {@code ./}
 * @param rootImage the root image legs' data (DOMAIN.md 4.8), when the profile builds a root image
 */
public record BuilderProfile(
    String name,
    LegProfile legs,
    List<BaseVariant> bases,
    String baseDockerfile,
    String baseContext,
    Optional<RootImageProfile> rootImage) {
  public BuilderProfile {
    bases = List.copyOf(bases);
    rootImage = rootImage == null ? Optional.empty() : rootImage;
  }

  /** Names of the bases in the cache repository. */
  public BaseImageNames baseNames() {
    return new BaseImageNames(legs.naming().cacheRepo());
  }

  /** The base with tag {@code tag}. */
  public Optional<BaseVariant> base(String tag) {
    return bases.stream().filter(b -> b.tag().equals(tag)).findFirst();
  }
}
