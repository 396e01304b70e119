package dev.strata.matrix.adapter.jgit;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.core.plan.GitHubEvent;
import dev.strata.matrix.port.ChangeRange;
import dev.strata.matrix.port.ChangedFiles;
import dev.strata.matrix.port.MatrixParseException;
import dev.strata.matrix.port.MatrixParser;
import dev.strata.matrix.port.PlanInputException;
import dev.strata.matrix.port.PlanInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Plan inputs read from a git repository (DOMAIN.md 15.1, 15.2): the changed paths of a push are
 * the diff from {@code merge-base(before, after)} to {@code after}, of a pull request from {@code
 * merge-base(base, head)} to {@code head}, with rename detection (a renamed file counts under its
 * new path). There is no file-count cap. The matrix and proto are read at {@code after} (or the PR
 * head) and, for the previous revision, at {@code before} (or the PR base); a commit that is not in
 * the repository makes that revision unavailable.
 */
public final class JGitPlanInputs implements PlanInputs {
  private final Repository repository;
  private final MatrixParser parser;
  private final String matrixPath;
  private final String protoPath;
  private final String currentRevision;
  private final Map<ObjectId, Matrix> parsed;
  private final JGitRevisionDiffs diffs;

  /**
   * @param matrixPath the matrix file's path in the repository (from the profile)
   * @param protoPath the proto file's path in the repository (from the profile)
   * @param event the event whose revisions are read
   */
  public JGitPlanInputs(
      Repository repository,
      MatrixParser parser,
      String matrixPath,
      String protoPath,
      GitHubEvent event) {
    this(repository, parser, matrixPath, protoPath, event, new HashMap<>());
  }

  /**
   * @param parsed matrices already parsed, by blob id; shared between inputs so a replay over many
   *     commits parses each matrix revision once
   */
  public JGitPlanInputs(
      Repository repository,
      MatrixParser parser,
      String matrixPath,
      String protoPath,
      GitHubEvent event,
      Map<ObjectId, Matrix> parsed) {
    this.parsed = parsed;
    this.repository = repository;
    this.parser = parser;
    this.matrixPath = matrixPath;
    this.protoPath = protoPath;
    this.currentRevision = currentRevision(event);
    this.diffs = new JGitRevisionDiffs(repository);
  }

  /** The checked-out revision: {@code after}, the PR head, the ref, or HEAD. */
  private static String currentRevision(GitHubEvent event) {
    if (event.pullRequest() && event.headSha() != null) {
      return event.headSha();
    }
    if (event.after() != null && !event.after().chars().allMatch(c -> c == '0')) {
      return event.after();
    }
    return event.ref() != null ? event.ref() : "HEAD";
  }

  @Override
  public Matrix currentMatrix() throws PlanInputException {
    String where = currentRevision + ":" + matrixPath;
    try {
      ObjectId blob = blob(currentRevision, matrixPath);
      if (blob == null) {
        throw new PlanInputException(
            "Tried to read "
                + where
                + " from "
                + repository
                + " but failed because: the revision or the file does not exist",
            null);
      }
      return matrix(blob, where);
    } catch (IOException e) {
      throw new PlanInputException(
          "Tried to read " + where + " from " + repository + " but failed because: " + e, e);
    } catch (MatrixParseException e) {
      throw new PlanInputException(e.getMessage(), e);
    }
  }

  private Matrix matrix(ObjectId blob, String where) throws IOException, MatrixParseException {
    Matrix m = parsed.get(blob);
    if (m == null) {
      m = parser.parse(text(blob), where);
      parsed.put(blob, m);
    }
    return m;
  }

  @Override
  public ChangedFiles changedFiles(ChangeRange range) {
    return diffs.diff(range.from(), range.to(), true);
  }

  @Override
  public Optional<Matrix> previousMatrix(String ref) {
    try {
      ObjectId blob = blob(ref, matrixPath);
      return blob == null ? Optional.empty() : Optional.of(matrix(blob, ref + ":" + matrixPath));
    } catch (IOException | MatrixParseException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<String> currentProto() {
    return readQuietly(currentRevision, protoPath);
  }

  @Override
  public Optional<String> previousProto(String ref) {
    return readQuietly(ref, protoPath);
  }

  private Optional<String> readQuietly(String revision, String path) {
    try {
      return read(revision, path);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The file's text at {@code revision}, or empty when the revision or the file is missing. */
  private Optional<String> read(String revision, String path) throws IOException {
    ObjectId blob = blob(revision, path);
    return blob == null ? Optional.empty() : Optional.of(text(blob));
  }

  /** The blob of {@code path} at {@code revision}, or null when either is missing. */
  private ObjectId blob(String revision, String path) throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = commit(walk, revision);
      if (commit == null) {
        return null;
      }
      try (TreeWalk tree = TreeWalk.forPath(repository, path, commit.getTree())) {
        return tree == null ? null : tree.getObjectId(0);
      }
    }
  }

  private String text(ObjectId blob) throws IOException {
    try (ObjectReader reader = repository.newObjectReader()) {
      return new String(reader.open(blob).getBytes(), StandardCharsets.UTF_8);
    }
  }

  private RevCommit commit(RevWalk walk, String revision) throws IOException {
    return diffs.commit(walk, revision);
  }
}
