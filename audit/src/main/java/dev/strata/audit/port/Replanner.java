package dev.strata.audit.port;

import dev.strata.domain.trigger.api.Trigger;
import java.util.List;
import java.util.Objects;

/**
 * Plans a recorded trigger again, with another profile, against the repository it was planned from.
 * The launcher implements it with the matrix engine (the audit module does not see matrix-service).
 */
@FunctionalInterface
public interface Replanner {

  /** The backend plan {@code trigger} would get now; a failed plan is a result with its error. */
  Replan replan(Trigger trigger);

  /**
   * A plan's size.
   *
   * @param runAll whether the whole matrix would be built
   * @param linuxLegs Linux legs selected
   * @param darwinLegs Darwin legs selected
   * @param rulesFired ids of the shared-input rules that selected entries
   * @param error why planning failed, or null
   */
  record Replan(
      boolean runAll, int linuxLegs, int darwinLegs, List<String> rulesFired, String error) {
    public Replan {
      rulesFired = List.copyOf(Objects.requireNonNull(rulesFired, "rulesFired"));
    }

    /** A plan that could not be made. */
    public static Replan failed(String error) {
      return new Replan(false, 0, 0, List.of(), Objects.requireNonNull(error, "error"));
    }

    /** Legs selected, Linux and Darwin. */
    public int legs() {
      return linuxLegs + darwinLegs;
    }
  }
}
