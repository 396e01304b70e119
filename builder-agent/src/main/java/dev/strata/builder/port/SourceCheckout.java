package dev.strata.builder.port;

import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import java.nio.file.Path;
import java.time.Instant;

/** Working trees of the repositories legs build from. */
public interface SourceCheckout {

  /**
   * A clean working tree of {@code repository} at {@code commit}.
   *
   * @param ref the trigger's ref, fetched when the commit is not known yet (pull-request merge refs
   *     are not on any branch)
   * @param contextPath the leg's build context inside the tree ({@code ./}), whose tree digest is
   *     recorded
   * @param slot the worker slot: each slot has its own working tree, so parallel legs never share
   *     one
   */
  Workspace checkout(
      Repository repository, CommitSha commit, String ref, String contextPath, int slot)
      throws CheckoutException, InterruptedException;

  /**
   * A checked-out tree.
   *
   * @param dir the working tree
   * @param commit the commit checked out
   * @param commitTime its committer time (the image's {@code created} label)
   * @param contextDigest the git tree id of the build context, {@code git-tree:<sha1>}
   */
  record Workspace(Path dir, CommitSha commit, Instant commitTime, String contextDigest) {}

  /** Checking out failed: the repository cannot be reached or does not have the commit. */
  final class CheckoutException extends Exception {
    public CheckoutException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
