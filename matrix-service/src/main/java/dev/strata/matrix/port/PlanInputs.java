package dev.strata.matrix.port;

import dev.strata.domain.matrix.api.Matrix;
import java.util.Optional;

/**
 * What a plan reads from outside: the checked-out matrix, the changed files, and the previous
 * revisions of the matrix and the proto. Implemented over a git repository, over files named on the
 * command line, and over batch requests. The planner asks only for what a decision needs.
 */
public interface PlanInputs {

  /**
   * The checked-out matrix ({@code after} for a push, the PR head).
   *
   * @throws PlanInputException when it cannot be read or parsed: the plan fails
   */
  Matrix currentMatrix() throws PlanInputException;

  /** The files changed by {@code range}. */
  ChangedFiles changedFiles(ChangeRange range);

  /** The matrix at revision {@code ref}, or empty when that revision cannot be read or parsed. */
  Optional<Matrix> previousMatrix(String ref);

  /** The checked-out proto text, or empty when it cannot be read. */
  Optional<String> currentProto();

  /** The proto text at revision {@code ref}, or empty when it cannot be read. */
  Optional<String> previousProto(String ref);
}
