package dev.strata.matrix.adapter.jgit;

import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.RevisionDiffs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Revision diffs read from a git repository, with rename detection (a renamed file counts under its
 * new path, a deleted one under its old path) and no file-count cap. A push is diffed tree to tree
 * ({@code git diff before after}, as LocalAI's {@code changes} gate and GitHub's push path filters
 * do); a pull request from {@code merge-base(base, head)} to {@code head}.
 */
public final class JGitRevisionDiffs implements RevisionDiffs {
  private final Repository repository;

  public JGitRevisionDiffs(Repository repository) {
    this.repository = repository;
  }

  @Override
  public boolean isCommit(String revision) {
    if (revision == null) {
      return false;
    }
    try (RevWalk walk = new RevWalk(repository)) {
      return commit(walk, revision) != null;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public ChangedFiles pushDiff(String from, String to) {
    return diff(from, to, false);
  }

  @Override
  public ChangedFiles pullRequestDiff(String base, String head) {
    return diff(base, head, true);
  }

  /** The files changed from {@code merge-base(from, to)} (or {@code from}) to {@code to}. */
  ChangedFiles diff(String from, String to, boolean fromMergeBase) {
    if (from == null || to == null) {
      return new ChangedFiles.Unavailable("the event names no base or head revision");
    }
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit start = commit(walk, from);
      RevCommit end = commit(walk, to);
      if (start == null || end == null) {
        return new ChangedFiles.Unavailable(
            "commit " + (start == null ? from : to) + " is not in the repository");
      }
      if (fromMergeBase) {
        walk.reset();
        walk.setRevFilter(RevFilter.MERGE_BASE);
        walk.markStart(walk.parseCommit(start));
        walk.markStart(walk.parseCommit(end));
        start = walk.next();
        if (start == null) {
          return new ChangedFiles.Unavailable(from + " and " + to + " have no common ancestor");
        }
      }
      return new ChangedFiles.Listed(paths(start, end), false);
    } catch (IOException e) {
      return new ChangedFiles.Unavailable("reading git history failed: " + e);
    }
  }

  private List<String> paths(RevCommit from, RevCommit to) throws IOException {
    try (DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
      formatter.setRepository(repository);
      formatter.setDetectRenames(true);
      Set<String> paths = new LinkedHashSet<>();
      for (DiffEntry entry : formatter.scan(from.getTree(), to.getTree())) {
        paths.add(
            entry.getChangeType() == DiffEntry.ChangeType.DELETE
                ? entry.getOldPath()
                : entry.getNewPath());
      }
      return new ArrayList<>(paths);
    }
  }

  /** The commit {@code revision} names, or null when the repository has none. */
  RevCommit commit(RevWalk walk, String revision) throws IOException {
    ObjectId id;
    try {
      id = repository.resolve(revision + "^{commit}");
    } catch (RevisionSyntaxException
        | AmbiguousObjectException
        | IncorrectObjectTypeException
        | MissingObjectException e) {
      // peeling a full id the repository does not have fails here rather than in parseCommit
      return null;
    }
    if (id == null) {
      return null;
    }
    try {
      return walk.parseCommit(id);
    } catch (MissingObjectException e) {
      return null;
    }
  }
}
