package dev.strata.darwin.adapter.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.darwin.adapter.process.ProcessRunner;
import dev.strata.darwin.port.ClaimedLeg;
import dev.strata.darwin.testing.DarwinFixture;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitWorkspacesTest {
  @TempDir Path tmp;

  private String git(Path dir, String... args) throws Exception {
    var cmd =
        new java.util.ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void checkout_fetchesTheLegsCommit_andCleansLeftovers() throws Exception {
    Path origin = Files.createDirectories(tmp.resolve("origin/mudler/LocalAI"));
    git(origin, "init", "-q");
    Files.writeString(origin.resolve("go.sum"), "v1\n");
    git(origin, "add", ".");
    git(origin, "commit", "-q", "-m", "one");
    String first = git(origin, "rev-parse", "HEAD");
    Files.writeString(origin.resolve("go.sum"), "v2\n");
    git(origin, "commit", "-q", "-am", "two");
    GitWorkspaces workspaces =
        new GitWorkspaces(
            new ProcessRunner(),
            tmp.resolve("checkouts"),
            tmp.resolve("origin") + "/{repository}",
            Map.of("PATH", "/usr/bin:/bin", "HOME", tmp.toString()));
    ClaimedLeg leg =
        new ClaimedLeg(
            RunId.of("r1"),
            LegId.darwin("vllm"),
            DarwinFixture.python("vllm"),
            Trigger.push(
                DarwinFixture.REPO, "master", CommitSha.ZERO, CommitSha.parse(first), false),
            java.time.Instant.EPOCH,
            0);

    Path dir = workspaces.checkout(leg);
    Files.writeString(dir.resolve("leftover"), "x");
    Path again = workspaces.checkout(leg);

    assertThat(again).isEqualTo(dir);
    assertThat(dir.resolve("go.sum")).hasContent("v1");
    assertThat(dir.resolve("leftover")).doesNotExist();
  }
}
