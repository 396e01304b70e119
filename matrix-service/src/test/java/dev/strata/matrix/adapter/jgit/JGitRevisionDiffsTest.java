package dev.strata.matrix.adapter.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.matrix.port.ChangedFiles;
import java.util.List;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate's diffs: a push tree to tree ({@code git diff before after}, DOMAIN.md 11.8), a pull
 * request from the merge base, and which revisions are commits.
 */
class JGitRevisionDiffsTest {
  private TestRepository<InMemoryRepository> git;
  private JGitRevisionDiffs diffs;
  private RevCommit root;
  private RevCommit docs;
  private RevCommit forced;

  @BeforeEach
  void history() throws Exception {
    git = new TestRepository<>(new InMemoryRepository(new DfsRepositoryDescription("t")));
    root = git.commit().add("Makefile", "all:\n").add("docs/a.md", "a\n").create();
    docs = git.commit().parent(root).add("docs/a.md", "b\n").create();
    // a force push: rewrites history from root, so `docs` is not its ancestor
    forced = git.commit().parent(root).add("docs/b.md", "c\n").create();
    diffs = new JGitRevisionDiffs(git.getRepository());
  }

  private static List<String> files(ChangedFiles c) {
    assertThat(c).isInstanceOf(ChangedFiles.Listed.class);
    return ((ChangedFiles.Listed) c).files();
  }

  @Test
  void push_isDiffedTreeToTree() {
    assertThat(files(diffs.pushDiff(root.name(), docs.name()))).containsExactly("docs/a.md");
  }

  @Test
  void forcePush_listsWhatDiffersBetweenTheTwoTrees_notFromTheMergeBase() {
    // git diff before after: docs/a.md changed back, docs/b.md added
    assertThat(files(diffs.pushDiff(docs.name(), forced.name())))
        .containsExactlyInAnyOrder("docs/a.md", "docs/b.md");
    // merge-base(docs, forced) = root: only docs/b.md
    assertThat(files(diffs.pullRequestDiff(docs.name(), forced.name())))
        .containsExactly("docs/b.md");
  }

  @Test
  void renamedFile_countsUnderItsNewPath() throws Exception {
    RevCommit renamed =
        git.commit().parent(root).rm("Makefile").add("build/Makefile", "all:\n").create();

    assertThat(files(diffs.pushDiff(root.name(), renamed.name())))
        .containsExactly("build/Makefile");
  }

  @Test
  void isCommit_onlyForCommitsTheRepositoryHas() {
    assertThat(diffs.isCommit(root.name())).isTrue();
    assertThat(diffs.isCommit("c".repeat(40))).isFalse();
    assertThat(diffs.isCommit("not a revision")).isFalse();
    assertThat(diffs.isCommit(null)).isFalse();
  }

  @Test
  void missingCommit_makesTheListUnavailable_namingIt() {
    ChangedFiles c = diffs.pushDiff("c".repeat(40), docs.name());

    assertThat(c)
        .isInstanceOfSatisfying(
            ChangedFiles.Unavailable.class,
            u -> assertThat(u.reason()).contains("c".repeat(40)).contains("not in the repository"));
  }
}
