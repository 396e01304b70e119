package dev.strata.builder.adapter.jgit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.builder.port.SourceCheckout.CheckoutException;
import dev.strata.builder.port.SourceCheckout.Workspace;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JGitCheckoutTest {
  private static final Repository REPO = Repository.parse("mudler/LocalAI");

  @TempDir Path dir;

  @Test
  void aPullRequestRefTheRemoteLacks_doesNotStopTheFetch_whenABranchHasTheCommit()
      throws Exception {
    try (Git upstream = Git.init().setDirectory(dir.resolve("up").toFile()).call()) {
      RevCommit first = commit(upstream, "a.txt", "1");
      JGitCheckout checkout =
          new JGitCheckout(dir.resolve("work"), r -> dir.resolve("up").toUri().toString());
      checkout.checkout(REPO, sha(first), "refs/heads/master", ".", 0);
      upstream.checkout().setCreateBranch(true).setName("feature").call();
      RevCommit second = commit(upstream, "b.txt", "2");

      Workspace ws = checkout.checkout(REPO, sha(second), "refs/pull/7/merge", ".", 0);

      assertThat(ws.commit()).isEqualTo(sha(second));
      assertThat(ws.dir().resolve("b.txt")).hasContent("2");
    }
  }

  @Test
  void aCommitNoRefHas_failsNamingWhatWasFetched() throws Exception {
    try (Git upstream = Git.init().setDirectory(dir.resolve("up").toFile()).call()) {
      commit(upstream, "a.txt", "1");
      JGitCheckout checkout =
          new JGitCheckout(dir.resolve("work"), r -> dir.resolve("up").toUri().toString());
      CommitSha absent = CommitSha.parse("0123456789abcdef0123456789abcdef01234567");

      assertThatThrownBy(() -> checkout.checkout(REPO, absent, "refs/pull/7/merge", ".", 0))
          .isInstanceOf(CheckoutException.class)
          .hasMessageContaining("does not have it")
          .hasMessageContaining("refs/pull/7/merge");
    }
  }

  private static RevCommit commit(Git git, String file, String text) throws Exception {
    Files.writeString(git.getRepository().getWorkTree().toPath().resolve(file), text);
    git.add().addFilepattern(".").call();
    return git.commit().setMessage(file).setSign(false).call();
  }

  private static CommitSha sha(RevCommit c) {
    return CommitSha.parse(c.getName());
  }
}
