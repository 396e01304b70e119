package dev.strata.matrix.core.plan;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The changed paths, indexed for exact and prefix look-ups (no quadratic scans). */
final class ChangeSet {
  private final List<String> files;
  private final String[] sorted;
  private final Set<String> exact;

  ChangeSet(List<String> files) {
    this.files = files;
    this.sorted = files.toArray(new String[0]);
    Arrays.sort(sorted);
    this.exact = new HashSet<>(files);
  }

  List<String> files() {
    return files;
  }

  boolean contains(String path) {
    return exact.contains(path);
  }

  /** Whether any changed path starts with {@code prefix} (plain string prefix, case-sensitive). */
  boolean anyUnder(String prefix) {
    int at = Arrays.binarySearch(sorted, prefix);
    if (at >= 0) {
      return true;
    }
    int next = -at - 1;
    return next < sorted.length && sorted[next].startsWith(prefix);
  }

  /** Whether any changed path starts with one of {@code prefixes}. */
  boolean anyUnder(List<String> prefixes) {
    for (String prefix : prefixes) {
      if (anyUnder(prefix)) {
        return true;
      }
    }
    return false;
  }
}
