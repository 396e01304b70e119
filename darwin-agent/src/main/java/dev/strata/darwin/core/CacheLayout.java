package dev.strata.darwin.core;

import dev.strata.darwin.port.CachePath;
import dev.strata.domain.darwin.model.DarwinCachePolicy.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The directories each of the four caches holds (DOMAIN.md 8.2, from the profile), on a machine.
 */
public final class CacheLayout {
  private CacheLayout() {}

  /** The cache's name in events: {@code go}, {@code homebrew}, {@code ccache}, {@code wheels}. */
  public static String nameOf(Cache cache) {
    return cache.name().toLowerCase(Locale.ROOT);
  }

  /** The cache named {@code name} ({@link #nameOf}). */
  public static Cache cacheNamed(String name) {
    return Cache.valueOf(name.toUpperCase(Locale.ROOT));
  }

  /**
   * The directories of {@code cache}: the profile's home-relative paths, archived as {@code
   * home/<path>}, and for Homebrew the profile's Cellar kegs, archived as {@code brew/Cellar/<f>}.
   */
  public static List<CachePath> paths(Cache cache, Machine machine, DarwinProfile profile) {
    List<CachePath> paths = new ArrayList<>();
    for (String relative : profile.cachePaths().get(cache)) {
      paths.add(home(machine, relative));
    }
    if (cache == Cache.HOMEBREW) {
      for (String formula : profile.cellarFormulae()) {
        paths.add(
            new CachePath(
                "brew/Cellar/" + formula, machine.brewPrefix().resolve("Cellar").resolve(formula)));
      }
    }
    return paths;
  }

  private static CachePath home(Machine machine, String relative) {
    return new CachePath("home/" + relative, machine.home().resolve(relative));
  }
}
