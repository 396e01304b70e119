package dev.strata.matrix.adapter.file;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.port.MatrixParseException;
import dev.strata.matrix.port.MatrixParser;
import dev.strata.matrix.port.PlanInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads matrix and proto files, each distinct path once: a batch that names the same matrix in many
 * requests parses it once, and the planner then prepares that one {@link Matrix} instance once. Not
 * thread-safe.
 */
public final class FileStore {
  private final MatrixParser parser;
  private final Map<Path, Object> matrices = new HashMap<>();
  private final Map<Path, Optional<String>> texts = new HashMap<>();

  public FileStore(MatrixParser parser) {
    this.parser = parser;
  }

  /**
   * The parsed matrix at {@code file}.
   *
   * @throws PlanInputException when it cannot be read or parsed (remembered, not retried)
   */
  public Matrix matrix(Path file) throws PlanInputException {
    Path key = file.toAbsolutePath().normalize();
    Object cached = matrices.get(key);
    if (cached == null) {
      cached = load(key);
      matrices.put(key, cached);
    }
    if (cached instanceof PlanInputException e) {
      throw new PlanInputException(e.getMessage(), e.getCause());
    }
    return (Matrix) cached;
  }

  /** The parsed matrix at {@code file}, or empty when it cannot be read or parsed. */
  public Optional<Matrix> matrixIfReadable(Path file) {
    try {
      return Optional.of(matrix(file));
    } catch (PlanInputException e) {
      return Optional.empty();
    }
  }

  /** The text of {@code file}, or empty when it cannot be read. */
  public Optional<String> text(Path file) {
    return texts.computeIfAbsent(
        file.toAbsolutePath().normalize(),
        p -> {
          try {
            return Optional.of(Files.readString(p));
          } catch (IOException e) {
            return Optional.empty();
          }
        });
  }

  private Object load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return new PlanInputException(
          "Tried to read matrix " + file + " but failed because: the file does not exist", e);
    } catch (IOException e) {
      return new PlanInputException(
          "Tried to read matrix " + file + " but failed because: " + e.getMessage(), e);
    }
    try {
      return parser.parse(text, file.toString());
    } catch (MatrixParseException e) {
      return new PlanInputException(e.getMessage(), e);
    }
  }
}
