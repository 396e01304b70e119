package dev.strata.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StrataCommandTest {
  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    CommandLine cli = Strata.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  private String data() {
    return dir.resolve("data").toString();
  }

  @Test
  void version_printsTheVersion() {
    Result r = run("version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("strata ");
  }

  @Test
  void serve_printsWhereItsDataIs() {
    Result r = run("serve", "--data-dir", data(), "--exit-after-start");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("data dir:    " + dir.resolve("data")).contains("jdbc:h2:file:");
  }

  @Test
  void triggerThenEvents_showsTheTrigger_andSurvivesARestart() {
    Result t =
        run(
            "trigger",
            "--data-dir",
            data(),
            "--repo",
            "mudler/LocalAI",
            "--branch",
            "master",
            "--before",
            "1111111111111111111111111111111111111111",
            "--after",
            "82c191afadf5f005281e798ccfa0ffd0d5805030");
    assertThat(t.code()).as(t.err()).isZero();
    String runId = t.out().split(" ")[0];

    // a second process start (new runtime on the same file) still sees it
    Result e = run("events", "--data-dir", data());
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(e.out()).contains("TriggerReceived").contains(runId);

    Result j = run("events", "--data-dir", data(), "--json", "--run", runId);
    assertThat(j.out().lines()).hasSize(1);
    assertThat(j.out()).contains("\"type\":\"TriggerReceived\"").contains("\"sequence\":0");
  }

  @Test
  void unknownConfigKey_isOneLineAndExitCode2() throws Exception {
    Path config = dir.resolve("strata.yml");
    Files.writeString(config, "dataDir: x\ndatabse:\n  url: y\n");
    Result r = run("serve", "--config", config.toString(), "--exit-after-start");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains("strata.yml:2").contains("databse");
  }

  @Test
  void unreachableDatabase_isOneLineAndExitCode2() {
    Result r =
        run(
            "serve",
            "--data-dir",
            data(),
            "--database-url",
            "jdbc:postgresql://127.0.0.1:1/strata",
            "--exit-after-start");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .contains("jdbc:postgresql://127.0.0.1:1/strata");
  }

  @Test
  void unwritableDataDir_isOneLineAndExitCode2() throws Exception {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    Result r = run("serve", "--data-dir", file.resolve("sub").toString(), "--exit-after-start");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains(file.resolve("sub").toString());
  }

  @Test
  void badTriggerInput_namesTheValue() {
    Result r =
        run("trigger", "--data-dir", data(), "--repo", "LocalAI", "--branch", "m", "--after", "x");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("\"LocalAI\"");
  }
}
