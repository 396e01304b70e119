package dev.strata.matrix.port;

/** A matrix file is not valid YAML or does not have the matrix shape. */
public final class MatrixParseException extends Exception {
  public MatrixParseException(String message, Throwable cause) {
    super(message, cause);
  }
}
