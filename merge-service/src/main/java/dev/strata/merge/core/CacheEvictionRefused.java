package dev.strata.merge.core;

/**
 * An eviction that was not done, and why: the tag does not exist ({@link #isNotFound()}), or
 * deleting its digest would remove other tags too and {@code --force} was not given.
 */
public class CacheEvictionRefused extends Exception {
  private final boolean notFound;

  public CacheEvictionRefused(String message, boolean notFound) {
    super(message);
    this.notFound = notFound;
  }

  /** Whether the tag was absent (the 404 case). */
  public boolean isNotFound() {
    return notFound;
  }
}
