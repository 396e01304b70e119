package dev.strata.matrix;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.port.ChangeRange;
import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.PlanInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** In-memory plan inputs that record which ranges were asked for. */
public final class FakeInputs implements PlanInputs {
  public Matrix current;
  public ChangedFiles changed = new ChangedFiles.Listed(List.of(), true);
  public Matrix previous;
  public String proto;
  public String previousProto;
  public final List<ChangeRange> asked = new ArrayList<>();
  public final List<String> previousRefs = new ArrayList<>();

  public FakeInputs(Matrix current) {
    this.current = current;
  }

  public FakeInputs files(String... paths) {
    changed = new ChangedFiles.Listed(List.of(paths), true);
    return this;
  }

  @Override
  public Matrix currentMatrix() {
    return current;
  }

  @Override
  public ChangedFiles changedFiles(ChangeRange range) {
    asked.add(range);
    return changed;
  }

  @Override
  public Optional<Matrix> previousMatrix(String ref) {
    previousRefs.add(ref);
    return Optional.ofNullable(previous);
  }

  @Override
  public Optional<String> currentProto() {
    return Optional.ofNullable(proto);
  }

  @Override
  public Optional<String> previousProto(String ref) {
    previousRefs.add(ref);
    return Optional.ofNullable(previousProto);
  }
}
