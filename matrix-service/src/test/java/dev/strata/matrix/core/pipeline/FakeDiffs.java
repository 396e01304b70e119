package dev.strata.matrix.core.pipeline;

import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.RevisionDiffs;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Revision diffs from a fixed list; {@code unknown} revisions are not commits. */
final class FakeDiffs implements RevisionDiffs {
  final ChangedFiles files;
  final Set<String> unknown;
  int reads;

  FakeDiffs(ChangedFiles files, Set<String> unknown) {
    this.files = files;
    this.unknown = unknown;
  }

  /** Files separated by spaces ("" = an empty diff). */
  static FakeDiffs of(String files) {
    List<String> list = files.isBlank() ? List.of() : Arrays.asList(files.trim().split("\\s+"));
    return new FakeDiffs(new ChangedFiles.Listed(list, false), Set.of());
  }

  @Override
  public boolean isCommit(String revision) {
    return !unknown.contains(revision);
  }

  @Override
  public ChangedFiles pushDiff(String from, String to) {
    reads++;
    return files;
  }

  @Override
  public ChangedFiles pullRequestDiff(String base, String head) {
    reads++;
    return files;
  }
}
