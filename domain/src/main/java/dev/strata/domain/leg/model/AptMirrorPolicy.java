package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.leg.api.RunnerClass;
import java.util.Set;

/**
 * Which APT mirrors a runner class gets (DOMAIN.md 4.2 step 2). Hosted runner classes get one pair,
 * every other (self-hosted) class the other. LocalAI: {@code ubuntu-latest} and {@code
 * ubuntu-24.04-arm} are hosted and use {@code http://azure.archive.ubuntu.com} / {@code
 * http://azure.ports.ubuntu.com}; self-hosted runners ({@code bigger-runner}) use {@code
 * http://mirrors.edge.kernel.org} and no ports mirror.
 *
 * <p>The mirror is a consumed build-arg: moving an entry between hosted and self-hosted runners
 * changes its cache key from the first apt step on (4.3).
 *
 * @param hostedRunners the runner classes that are provider-hosted
 * @param hosted the mirrors of hosted runners
 * @param selfHosted the mirrors of every other runner class
 */
public record AptMirrorPolicy(
    Set<RunnerClass> hostedRunners, AptMirror hosted, AptMirror selfHosted) {
  public AptMirrorPolicy {
    hostedRunners = Set.copyOf(Values.required(hostedRunners, "hosted runner classes"));
    Values.required(hosted, "hosted APT mirror");
    Values.required(selfHosted, "self-hosted APT mirror");
  }

  public boolean isHosted(RunnerClass runner) {
    return hostedRunners.contains(Values.required(runner, "runner class"));
  }

  /** The mirrors for a leg that runs on {@code runner}. */
  public AptMirror forRunner(RunnerClass runner) {
    return isHosted(runner) ? hosted : selfHosted;
  }
}
