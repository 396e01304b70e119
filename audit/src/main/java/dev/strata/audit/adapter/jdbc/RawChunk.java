package dev.strata.audit.adapter.jdbc;

/** Rows as fetched: global index, payload type (null = not wanted) and JSON bytes. */
final class RawChunk {
  final long[] indexes;
  final Class<?>[] types;
  final byte[][] payloads;
  int size;

  RawChunk(int capacity) {
    indexes = new long[capacity];
    types = new Class<?>[capacity];
    payloads = new byte[capacity][];
  }

  void add(long index, Class<?> type, byte[] payload) {
    indexes[size] = index;
    types[size] = type;
    payloads[size] = payload;
    size++;
  }
}
