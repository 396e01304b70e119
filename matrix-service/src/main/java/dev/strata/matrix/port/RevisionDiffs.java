package dev.strata.matrix.port;

/**
 * What a pipeline gate reads from the repository: whether a revision is a commit and the files two
 * revisions differ by. Implemented over git, and over a file list given on the command line.
 */
public interface RevisionDiffs {

  /** Whether {@code revision} names a commit the repository has. */
  boolean isCommit(String revision);

  /** The files that differ between the trees of {@code from} and {@code to} (git diff from to). */
  ChangedFiles pushDiff(String from, String to);

  /** The files a pull request changes: {@code merge-base(base, head)..head}. */
  ChangedFiles pullRequestDiff(String base, String head);

  /**
   * Diffs given as a list (explicit mode): the same list for every range, every revision a commit.
   */
  static RevisionDiffs listed(ChangedFiles files) {
    return new RevisionDiffs() {
      @Override
      public boolean isCommit(String revision) {
        return true;
      }

      @Override
      public ChangedFiles pushDiff(String from, String to) {
        return files;
      }

      @Override
      public ChangedFiles pullRequestDiff(String base, String head) {
        return files;
      }
    };
  }
}
