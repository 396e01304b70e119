package dev.strata.gateway.adapter.http;

/** A request field that parsed but does not make sense; answered 400 naming {@code field}. */
final class BadRequest extends RuntimeException {
  private final String field;

  BadRequest(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }

  /** Parses {@code raw} with {@code parser}; a rejection names {@code field}. */
  static <T> T parse(String field, String raw, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new BadRequest(field, e.getMessage());
    }
  }
}
