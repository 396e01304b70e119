package dev.strata.matrix.adapter.file;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.port.ChangeRange;
import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.PlanInputException;
import dev.strata.matrix.port.PlanInputs;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Plan inputs handed in as files (explicit and batch mode): a changed-file list as a hosting API
 * returned it, and the matrix and proto revisions as separate files. A previous revision that is
 * null was unavailable; one that cannot be read or parsed is unavailable too.
 *
 * @param store reads and caches the files
 * @param matrix the checked-out matrix
 * @param changed the changed-file list (for a push or a pull request alike)
 * @param previousMatrix the matrix at the previous revision, or null when unavailable
 * @param proto the checked-out proto, or null when unavailable
 * @param previousProto the proto at the previous revision, or null when unavailable
 */
public record FilePlanInputs(
    FileStore store,
    Path matrix,
    ChangedFiles changed,
    Path previousMatrix,
    Path proto,
    Path previousProto)
    implements PlanInputs {

  @Override
  public Matrix currentMatrix() throws PlanInputException {
    return store.matrix(matrix);
  }

  @Override
  public ChangedFiles changedFiles(ChangeRange range) {
    return changed;
  }

  @Override
  public Optional<Matrix> previousMatrix(String ref) {
    return previousMatrix == null ? Optional.empty() : store.matrixIfReadable(previousMatrix);
  }

  @Override
  public Optional<String> currentProto() {
    return proto == null ? Optional.empty() : store.text(proto);
  }

  @Override
  public Optional<String> previousProto(String ref) {
    return previousProto == null ? Optional.empty() : store.text(previousProto);
  }
}
