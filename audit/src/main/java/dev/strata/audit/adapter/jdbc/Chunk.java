package dev.strata.audit.adapter.jdbc;

/** Deserialized rows in log order; a null payload is an event the sink does not want. */
final class Chunk {
  static final Chunk END = new Chunk(new long[0], new Object[0], -1);

  final long[] indexes;
  final Object[] payloads;
  private final int size;

  Chunk(long[] indexes, Object[] payloads, int size) {
    this.indexes = indexes;
    this.payloads = payloads;
    this.size = size;
  }

  int size() {
    return size;
  }

  boolean isEnd() {
    return size < 0;
  }
}
