package dev.strata.darwin.core;

import dev.strata.darwin.port.ClaimedLeg;
import dev.strata.darwin.port.ControlPlane;
import dev.strata.darwin.port.ControlPlaneException;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.StepStats.BuildStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one leg, as data ({@link BuildStep}s for the result) and as one progress line per
 * step ({@code restore go <key>: miss (3 ms)}, {@code deps brew install: ok (1.2 s)}), printed and
 * sent to the control plane as the leg's progress. A failed progress call does not fail the build;
 * a refused one (the agent no longer holds the leg) is remembered in {@link #leaseLost()}.
 */
final class StepLog {
  private static final Logger LOG = LoggerFactory.getLogger(StepLog.class);

  private final AgentId agent;
  private final ClaimedLeg leg;
  private final ControlPlane controlPlane;
  private final Consumer<String> console;
  private final List<BuildStep> steps = new ArrayList<>();
  private boolean leaseLost;

  StepLog(AgentId agent, ClaimedLeg leg, ControlPlane controlPlane, Consumer<String> console) {
    this.agent = agent;
    this.leg = leg;
    this.controlPlane = controlPlane;
    this.console = console;
  }

  /** Records {@code step} of {@code phase} whose result reads {@code result}, and reports it. */
  void step(String phase, BuildStep step, String result) {
    steps.add(step);
    String name = step.name().startsWith(phase + " ") ? step.name() : phase + " " + step.name();
    line(name + ": " + result + " (" + duration(step.durationMillis()) + ")");
  }

  /** Prints and reports one line that is not a step (the leg's start and end). */
  void line(String line) {
    console.accept(line);
    try {
      if (!controlPlane.progress(agent, leg, List.of(line))) {
        leaseLost = true;
      }
    } catch (ControlPlaneException e) {
      LOG.warn("Progress of {} not sent: {}", leg.legId(), e.getMessage());
    }
  }

  List<BuildStep> steps() {
    return steps;
  }

  /** Whether the control plane said the agent no longer holds the leg. */
  boolean leaseLost() {
    return leaseLost;
  }

  /** {@code 950 ms}, {@code 1.2 s}, {@code 3 min 05 s}. */
  static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    return String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
  }

  /** {@code 512 B}, {@code 1.5 KB}, {@code 2.0 MB}, {@code 1.1 GB}. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
  }
}
