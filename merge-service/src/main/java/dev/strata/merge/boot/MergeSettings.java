package dev.strata.merge.boot;

import dev.strata.domain.Values;
import dev.strata.runtime.registry.RegistryCredentials;
import dev.strata.runtime.registry.RetryPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The merge-service's settings.
 *
 * @param pipelines how each pipeline (as {@code MatrixFiltered.pipeline} names it) publishes
 * @param defaultBranch the repository's default branch (the root image's stamp tag needs it)
 * @param credentials registry credentials (configuration or a Docker config.json)
 * @param insecureHosts registries reached over plain HTTP besides loopback ones
 * @param retry how registry calls are repeated after transient failures
 * @param timeout the timeout of one registry request
 */
public record MergeSettings(
    Map<String, PipelinePublishing> pipelines,
    String defaultBranch,
    RegistryCredentials credentials,
    Set<String> insecureHosts,
    RetryPolicy retry,
    Duration timeout) {

  public MergeSettings {
    pipelines = Map.copyOf(Values.required(pipelines, "pipelines"));
    Values.required(defaultBranch, "default branch");
    Values.required(credentials, "registry credentials");
    insecureHosts = Set.copyOf(Values.required(insecureHosts, "insecure hosts"));
    Values.required(retry, "retry policy");
    Values.required(timeout, "registry timeout");
  }

  /** Settings with the standard retry policy, a 30 s timeout and no extra insecure hosts. */
  public static MergeSettings of(
      Map<String, PipelinePublishing> pipelines,
      String defaultBranch,
      RegistryCredentials credentials) {
    return new MergeSettings(
        pipelines,
        defaultBranch,
        credentials,
        Set.of(),
        RetryPolicy.standard(),
        Duration.ofSeconds(30));
  }
}
