package dev.strata.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeMatrixRoleTest {
  @TempDir Path dir;

  private String serve(String... extra) {
    CommandLine cli = Strata.commandLine();
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));
    String[] args = new String[extra.length + 4];
    args[0] = "serve";
    args[1] = "--data-dir";
    args[2] = dir.resolve("data").toString();
    args[3] = "--exit-after-start";
    System.arraycopy(extra, 0, args, 4, extra.length);
    assertThat(cli.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void serveWithProfileAndRepo_runsTheMatrixRole() {
    Path profile = dir.resolve("localai.yml");
    Path repo = dir.resolve("mirror.git");

    String out = serve("--profile", profile.toString(), "--repo", repo.toString());

    assertThat(out)
        .contains("serving roles [gateway, matrix]")
        .contains("matrix:      plans from " + repo + " with " + profile);
  }

  @Test
  void serveWithoutAProfile_saysTheMatrixRoleIsNotRunning() {
    String out = serve("--repo", dir.resolve("mirror.git").toString());

    assertThat(out)
        .contains("serving roles [gateway]")
        .contains("matrix:      not running (no profile; see --profile");
  }

  @Test
  void rolesOption_runsOnlyTheNamedRoles() {
    Path profile = dir.resolve("localai.yml");
    Path repo = dir.resolve("mirror.git");

    String out =
        serve("--profile", profile.toString(), "--repo", repo.toString(), "--roles", "matrix");

    assertThat(out).contains("serving roles [matrix]").doesNotContain("gateway: http://");
  }

  @Test
  void rolesOption_namingAnUnconfiguredRole_failsWithWhatIsMissing() {
    CommandLine cli = Strata.commandLine();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));

    int code =
        cli.execute(
            "serve",
            "--data-dir",
            dir.resolve("data").toString(),
            "--exit-after-start",
            "--roles",
            "gateway,merge");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--roles names 'merge'").contains("--merge-config");
  }

  @Test
  void rolesOption_rejectsAnUnknownRole() {
    CommandLine cli = Strata.commandLine();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));

    int code =
        cli.execute("serve", "--data-dir", dir.resolve("data").toString(), "--roles", "gatway");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown role 'gatway'");
  }
}
