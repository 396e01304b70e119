package dev.strata.matrix.core.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-entry matrix diff (DOMAIN.md 3.7): identity keys of current entries that are new or whose
 * fingerprint differs from the previous revision's entry with the same key. Removed entries
 * contribute nothing. Linear in the number of entries.
 */
final class MatrixDiff {
  private MatrixDiff() {}

  static Set<String> changedKeys(List<PreparedEntry> previous, List<PreparedEntry> current) {
    Map<String, String> before = new HashMap<>(previous.size() * 2);
    for (PreparedEntry e : previous) {
      before.put(e.identityKey, e.fingerprint());
    }
    Set<String> changed = new HashSet<>();
    for (PreparedEntry e : current) {
      String was = before.get(e.identityKey);
      if (was == null || !was.equals(e.fingerprint())) {
        changed.add(e.identityKey);
      }
    }
    return changed;
  }
}
