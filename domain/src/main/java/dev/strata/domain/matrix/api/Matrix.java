package dev.strata.domain.matrix.api;

import dev.strata.domain.Values;
import java.util.List;

/**
 * A parsed matrix file: the Linux {@code include} list and the Darwin {@code includeDarwin} list.
 */
public record Matrix(List<LinuxEntry> include, List<DarwinEntry> includeDarwin) {
  public Matrix {
    include = List.copyOf(Values.required(include, "include"));
    includeDarwin = List.copyOf(Values.required(includeDarwin, "includeDarwin"));
  }

  public static Matrix empty() {
    return new Matrix(List.of(), List.of());
  }
}
