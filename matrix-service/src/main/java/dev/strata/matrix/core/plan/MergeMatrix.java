package dev.strata.matrix.core.plan;

import dev.strata.domain.matrix.api.Scalar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merge-matrix grouping (DOMAIN.md 3.10): one {@code {tag-suffix, tag-latest}} row per distinct
 * tag-suffix in order of first appearance, {@code tag-latest} from the group's first leg; entries
 * with an empty suffix are never merged.
 */
final class MergeMatrix {
  private MergeMatrix() {}

  /** The merge rows as JSON objects, in order. */
  static List<String> rows(List<PreparedEntry> entries) {
    Map<String, String> groups = new LinkedHashMap<>();
    for (PreparedEntry e : entries) {
      Scalar suffix = e.tagSuffix();
      if (!suffix.truthy()) {
        continue;
      }
      groups.computeIfAbsent(
          groupKey(suffix),
          k ->
              "{\"tag-suffix\":"
                  + suffix.toJson()
                  + ",\"tag-latest\":"
                  + e.tagLatestOrEmpty().toJson()
                  + "}");
    }
    return List.copyOf(groups.values());
  }

  /** Groups as a JavaScript Map keys values: numbers of either YAML kind are one type. */
  private static String groupKey(Scalar s) {
    return switch (s.kind()) {
      case INTEGER, FLOAT -> "n:" + s.text();
      case BOOLEAN -> "b:" + s.text();
      case JSON -> "o:" + System.identityHashCode(s);
      default -> "s:" + s.text();
    };
  }
}
