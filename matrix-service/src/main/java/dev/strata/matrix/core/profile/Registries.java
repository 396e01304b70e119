package dev.strata.matrix.core.profile;

import dev.strata.domain.Values;
import java.util.List;

/**
 * Image repositories a pipeline reads and writes.
 *
 * @param ciCache the build-cache repository
 * @param publish repositories release images are pushed to
 * @param pullRequest repository pull-request images are pushed to
 */
public record Registries(String ciCache, List<String> publish, String pullRequest) {
  public Registries {
    Values.required(ciCache, "ciCache registry");
    publish = List.copyOf(Values.required(publish, "publish registries"));
    Values.required(pullRequest, "pullRequest registry");
  }
}
