package dev.strata.matrix.core.plan;

import dev.strata.domain.Values;
import java.util.Map;

/**
 * One planning request: the event and the environment ({@code FORCE_ALL}).
 *
 * @param event the event payload
 * @param env environment variables the filter reads; only {@code FORCE_ALL} is used
 */
public record PlanRequest(GitHubEvent event, Map<String, String> env) {
  public PlanRequest {
    Values.required(event, "event");
    env = Map.copyOf(Values.required(env, "env"));
  }

  /** {@code FORCE_ALL == 'true'}, exactly. */
  public boolean forceAll() {
    return "true".equals(env.get("FORCE_ALL"));
  }
}
