package dev.strata.matrix.adapter.jgit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.matrix.Fixtures;
import dev.strata.matrix.adapter.yaml.SnakeYamlMatrixParser;
import dev.strata.matrix.core.plan.GitHubEvent;
import dev.strata.matrix.core.plan.PlanRequest;
import dev.strata.matrix.core.plan.PlanResult;
import dev.strata.matrix.core.plan.Planner;
import dev.strata.matrix.core.plan.RunAllReason;
import dev.strata.matrix.port.ChangeRange;
import dev.strata.matrix.port.ChangedFiles;
import java.util.Map;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Repository mode: changed paths and previous revisions from git history built with JGit. */
class JGitPlanInputsTest {
  private static final String MATRIX = ".github/backend-matrix.yml";
  private static final String ZERO = "0000000000000000000000000000000000000000";
  private static final String TWO_BACKENDS =
      """
      include:
        - tag-suffix: '-cpu-vllm'
          tag-latest: 'auto'
          backend: 'vllm'
          dockerfile: './backend/Dockerfile.python'
        - tag-suffix: '-cpu-whisper'
          tag-latest: 'auto'
          backend: 'whisper'
          dockerfile: './backend/Dockerfile.golang'
      includeDarwin:
        - backend: 'whisper'
          tag-suffix: '-metal-darwin-arm64-whisper'
          lang: 'go'
      """;

  private final Planner planner = new Planner(Fixtures.localaiProfile());
  private TestRepository<InMemoryRepository> git;
  private RevCommit root;

  @BeforeAll
  static void noTimestampProbe() {
    FS.FileStoreAttributes.setBackground(true);
  }

  @BeforeEach
  void history() throws Exception {
    git = new TestRepository<>(new InMemoryRepository(new DfsRepositoryDescription("t")));
    root =
        git.commit()
            .add(MATRIX, TWO_BACKENDS)
            .add("backend/python/vllm/backend.py", "print('vllm')\n")
            .add("backend/go/whisper/main.go", "package main\n")
            .create();
  }

  private JGitPlanInputs inputs(GitHubEvent event) {
    return new JGitPlanInputs(
        git.getRepository(), new SnakeYamlMatrixParser(), MATRIX, "backend/backend.proto", event);
  }

  private static GitHubEvent push(String before, RevCommit after) {
    return new GitHubEvent("refs/heads/master", before, after.name(), false, null, null);
  }

  private PlanResult plan(GitHubEvent event) {
    return planner.plan(new PlanRequest(event, Map.of()), inputs(event));
  }

  @Test
  void push_diffsBeforeToAfter() throws Exception {
    RevCommit next =
        git.commit().parent(root).add("backend/go/whisper/main.go", "package x\n").create();

    ChangedFiles files =
        inputs(push(root.name(), next)).changedFiles(ChangeRange.push(root.name(), next.name()));
    PlanResult result = plan(push(root.name(), next));

    assertThat(files)
        .isEqualTo(new ChangedFiles.Listed(java.util.List.of("backend/go/whisper/main.go"), false));
    assertThat(result.decision().linuxSelected()).isEqualTo(1);
    assertThat(result.decision().darwinSelected()).isEqualTo(1);
  }

  @Test
  void rename_countsUnderItsNewPathOnly() throws Exception {
    RevCommit renamed =
        git.commit()
            .parent(root)
            .rm("backend/python/vllm/backend.py")
            .add("backend/python/sglang/backend.py", "print('vllm')\n")
            .create();

    ChangedFiles files =
        inputs(push(root.name(), renamed))
            .changedFiles(ChangeRange.push(root.name(), renamed.name()));

    assertThat(((ChangedFiles.Listed) files).files())
        .containsExactly("backend/python/sglang/backend.py");
  }

  @Test
  void pullRequest_diffsFromTheMergeBaseToTheHead() throws Exception {
    RevCommit head =
        git.commit().parent(root).add("backend/go/whisper/main.go", "package y\n").create();
    RevCommit base =
        git.commit().parent(root).add("backend/python/vllm/backend.py", "changed\n").create();
    GitHubEvent pr = new GitHubEvent(null, null, null, true, base.name(), head.name());

    PlanResult result = plan(pr);

    assertThat(result.decision().runAll()).isFalse();
    assertThat(result.decision().changedBackends()).containsExactly("whisper");
  }

  @Test
  void forcePush_diffsFromTheMergeBaseOfTheOldAndNewTips() throws Exception {
    RevCommit abandoned =
        git.commit().parent(root).add("backend/python/vllm/backend.py", "old\n").create();
    RevCommit rewritten =
        git.commit().parent(root).add("backend/go/whisper/main.go", "new\n").create();

    PlanResult result = plan(push(abandoned.name(), rewritten));

    assertThat(result.decision().changedFiles()).isEqualTo(1);
    assertThat(result.decision().changedBackends()).containsExactly("whisper");
  }

  @Test
  void zeroBefore_runsAll() throws Exception {
    RevCommit next = git.commit().parent(root).add("README.md", "x\n").create();

    PlanResult result = plan(push(ZERO, next));

    assertThat(result.decision().reason()).isEqualTo(RunAllReason.ZERO_BEFORE);
    assertThat(result.decision().linuxSelected()).isEqualTo(2);
  }

  @Test
  void beforeCommitNotInTheRepository_runsAll() throws Exception {
    RevCommit next = git.commit().parent(root).add("README.md", "x\n").create();

    PlanResult result = plan(push("3333333333333333333333333333333333333333", next));

    assertThat(result.decision().reason()).isEqualTo(RunAllReason.CHANGED_FILES_UNAVAILABLE);
  }

  @Test
  void matrixEdit_isDiffedAgainstTheMatrixAtBefore() throws Exception {
    RevCommit edited =
        git.commit()
            .parent(root)
            .add(
                MATRIX,
                TWO_BACKENDS.replace(
                    "'./backend/Dockerfile.golang'",
                    "'./backend/Dockerfile.golang'\n    ubuntu-version: '2404'"))
            .create();

    PlanResult result = plan(push(root.name(), edited));

    assertThat(result.decision().previousMatrixAvailable()).isTrue();
    assertThat(result.decision().linuxSelected()).isEqualTo(1);
    assertThat(result.decision().darwinSelected()).isZero();
  }

  @Test
  void pullRequestWhoseBaseCommitIsMissing_readsNoPreviousMatrix_andSelectsEverything()
      throws Exception {
    RevCommit edited = git.commit().parent(root).add(MATRIX, TWO_BACKENDS + "\n").create();
    JGitPlanInputs in =
        inputs(
            new GitHubEvent(
                null, null, null, true, "4444444444444444444444444444444444444444", edited.name()));

    assertThat(in.previousMatrix("4444444444444444444444444444444444444444")).isEmpty();
    assertThat(in.previousMatrix(root.name())).isPresent();
    assertThat(
            in.changedFiles(
                ChangeRange.pullRequest("4444444444444444444444444444444444444444", edited.name())))
        .isInstanceOf(ChangedFiles.Unavailable.class);
  }

  @Test
  void largePush_hasNoFileCountCap() throws Exception {
    TestRepository<InMemoryRepository>.CommitBuilder big = git.commit().parent(root);
    for (int i = 0; i < 400; i++) {
      big.add("docs/page-" + i + ".md", "page " + i + "\n");
    }
    big.add("backend/python/vllm/backend.py", "changed\n");
    RevCommit next = big.create();

    PlanResult result = plan(push(root.name(), next));

    assertThat(result.decision().runAll()).isFalse();
    assertThat(result.decision().changedFiles()).isEqualTo(401);
    assertThat(result.decision().changedBackends()).containsExactly("vllm");
  }
}
