package dev.strata.runtime.agent;

import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A leg the gateway handed to this agent, with its lease.
 *
 * @param leg the leg reference used in the agent API's paths ({@code <run>:<leg>})
 * @param runId the run
 * @param legId the leg inside the run
 * @param pipeline the pipeline the leg belongs to (e.g. {@code backend})
 * @param runnerClass the runner class it was claimed for
 * @param mergeGroup its tag-suffix group
 * @param darwin whether it is a Darwin leg
 * @param fields the matrix entry's fields, with their YAML types
 * @param trigger the run's trigger (repository, ref, commit)
 * @param leaseUntil when the lease ends unless extended
 * @param attempt how many times the leg has been claimed, this claim included
 */
public record ClaimedLeg(
    String leg,
    RunId runId,
    LegId legId,
    String pipeline,
    RunnerClass runnerClass,
    String mergeGroup,
    boolean darwin,
    Map<String, Scalar> fields,
    Trigger trigger,
    Instant leaseUntil,
    int attempt) {
  public ClaimedLeg {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
