package dev.strata.matrix.core.plan;

import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.matrix.api.LinuxEntry;
import java.util.List;
import java.util.Set;

/**
 * The outcome of one plan.
 *
 * @param exitCode 0 on success, 1 when planning failed
 * @param outputs the GitHub output lines in emission order (empty on failure)
 * @param error why planning failed, or null
 * @param decision how the plan was reached (null on failure before a decision)
 * @param selection the selected entries and the current Linux matrix (null on failure)
 */
public record PlanResult(
    int exitCode, List<Output> outputs, String error, Decision decision, Selection selection) {

  public PlanResult {
    outputs = List.copyOf(outputs);
  }

  static PlanResult failed(String error, Decision decision) {
    return new PlanResult(1, List.of(), error, decision, null);
  }

  /**
   * The entries a successful plan selected, typed, for the service role.
   *
   * @param linux selected Linux entries, in matrix order
   * @param darwin selected Darwin entries, in matrix order
   * @param allLinux every Linux entry of the current matrix (merge groups list all their legs)
   */
  public record Selection(
      List<LinuxEntry> linux, List<DarwinEntry> darwin, List<LinuxEntry> allLinux) {
    public Selection {
      linux = List.copyOf(linux);
      darwin = List.copyOf(darwin);
      allLinux = List.copyOf(allLinux);
    }
  }

  /**
   * How the plan was reached, for reports and history.
   *
   * @param runAll whether the full matrix was emitted
   * @param reason why, when {@code runAll}
   * @param changedFiles number of changed files considered (-1 in full mode)
   * @param firedRules ids of the shared-input rules that selected entries
   * @param suppressedRules ids of rules dropped because the proto edit was additive
   * @param matrixChanged the matrix file was in the changed list
   * @param previousMatrixAvailable its previous revision could be read (null when not needed)
   * @param protoAdditive whether the proto edit was additive (null when not checked)
   * @param linuxSelected selected Linux entries
   * @param darwinSelected selected Darwin entries
   * @param changedBackends backends whose per-backend output is true
   */
  public record Decision(
      boolean runAll,
      RunAllReason reason,
      int changedFiles,
      List<String> firedRules,
      List<String> suppressedRules,
      boolean matrixChanged,
      Boolean previousMatrixAvailable,
      Boolean protoAdditive,
      int linuxSelected,
      int darwinSelected,
      Set<String> changedBackends) {}
}
