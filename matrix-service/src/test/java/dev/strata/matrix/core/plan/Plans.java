package dev.strata.matrix.core.plan;

import dev.strata.matrix.FakeInputs;
import dev.strata.matrix.Fixtures;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shared helpers for planner tests: the LocalAI planner and common events. */
final class Plans {
  static final Planner LOCALAI = new Planner(Fixtures.localaiProfile());
  static final String BEFORE = "1111111111111111111111111111111111111111";
  static final String AFTER = "2222222222222222222222222222222222222222";
  static final String ZERO = "0000000000000000000000000000000000000000";

  private Plans() {}

  static GitHubEvent push() {
    return new GitHubEvent("refs/heads/master", BEFORE, AFTER, false, null, null);
  }

  static GitHubEvent pullRequest() {
    return new GitHubEvent(null, null, null, true, BEFORE, AFTER);
  }

  static PlanResult plan(GitHubEvent event, FakeInputs inputs) {
    return plan(event, Map.of(), inputs);
  }

  static PlanResult plan(GitHubEvent event, Map<String, String> env, FakeInputs inputs) {
    return LOCALAI.plan(new PlanRequest(event, env), inputs);
  }

  static Map<String, String> outputs(PlanResult result) {
    Map<String, String> out = new LinkedHashMap<>();
    result.outputs().forEach(o -> out.put(o.key(), o.value()));
    return out;
  }
}
