package dev.strata.matrix.adapter.jgit;

import dev.strata.matrix.core.history.PushRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/** The first-parent pushes of a branch, as {@code strata plan history} replays them. */
public final class FirstParentHistory {
  private static final String ZERO = "0000000000000000000000000000000000000000";

  private FirstParentHistory() {}

  /**
   * The newest {@code count} first-parent commits of {@code branch} that are not older than {@code
   * sinceEpochSeconds}, oldest first, each paired with its first parent.
   *
   * @throws IOException when the branch does not exist or history cannot be read
   */
  public static List<PushRef> pushes(
      Repository repository, String branch, int count, long sinceEpochSeconds) throws IOException {
    ObjectId tip = repository.resolve(branch + "^{commit}");
    if (tip == null) {
      tip = repository.resolve("refs/heads/" + branch + "^{commit}");
    }
    if (tip == null) {
      throw new IOException("branch " + branch + " does not exist in " + repository);
    }
    List<PushRef> pushes = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit c = walk.parseCommit(tip);
      while (c != null && pushes.size() < count && c.getCommitTime() >= sinceEpochSeconds) {
        RevCommit parent = c.getParentCount() == 0 ? null : walk.parseCommit(c.getParent(0));
        pushes.add(
            new PushRef(
                parent == null ? ZERO : parent.name(),
                c.name(),
                c.getCommitTime(),
                c.getShortMessage()));
        c = parent;
      }
    }
    Collections.reverse(pushes);
    return pushes;
  }
}
