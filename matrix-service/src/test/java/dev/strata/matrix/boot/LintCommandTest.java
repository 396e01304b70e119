package dev.strata.matrix.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.matrix.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code strata lint} exit codes and output. */
class LintCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int lint(String matrix) {
    CommandLine cli = new CommandLine(new LintCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(
        "--profile",
        Fixtures.repoRoot().resolve("profiles/localai.yml").toString(),
        "--matrix",
        Fixtures.localai().resolve(matrix).toString());
  }

  @Test
  void cleanMatrix_exits0_silently() {
    assertThat(lint("backend-matrix.head.yml")).isZero();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void findings_exit1_oneLineEach() {
    assertThat(lint("backend-matrix.2026-05-09.yml")).isEqualTo(1);
    assertThat(out.toString().lines())
        .hasSizeGreaterThan(1)
        .allMatch(l -> l.startsWith("include["));
  }

  @Test
  void unreadableMatrix_exits2() {
    assertThat(lint("no-such-matrix.yml")).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist");
  }
}
