package dev.strata.matrix.adapter.json;

/** A batch request line is malformed; the message names the field and what to write. */
public final class BadRequestException extends Exception {
  private final String id;

  public BadRequestException(String id, String message) {
    super(message);
    this.id = id;
  }

  /** The request's id, when it could be read. */
  public String id() {
    return id;
  }
}
