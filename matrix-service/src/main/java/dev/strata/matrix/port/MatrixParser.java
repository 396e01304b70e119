package dev.strata.matrix.port;

import dev.strata.domain.matrix.api.Matrix;

/** Reads a matrix file's text into a {@link Matrix}, keeping every scalar's type as written. */
public interface MatrixParser {

  /**
   * Parses {@code text}.
   *
   * @param source the file name used in error messages
   * @throws MatrixParseException with {@code source:line:column} and what is wrong
   */
  Matrix parse(String text, String source) throws MatrixParseException;
}
