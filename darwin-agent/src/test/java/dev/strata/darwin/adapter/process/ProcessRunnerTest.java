package dev.strata.darwin.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.darwin.port.Invocation;
import dev.strata.darwin.port.ProcessException;
import dev.strata.darwin.port.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
  @TempDir Path dir;

  private Path script(String name, String body) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  void run_findsTheProgramOnTheInvocationsPath_andPassesOnlyItsEnvironment() throws Exception {
    Path bin = script("brew", "echo \"args=$*\"; echo \"home=$HOME x=$X_ONLY\"; echo err >&2");
    ProcessRunner runner = new ProcessRunner();
    List<String> lines = new ArrayList<>();

    ProcessResult result =
        runner.run(
            new Invocation(
                "brew install",
                List.of("brew", "install", "protobuf"),
                Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", "/h", "X_ONLY", "1"),
                dir),
            lines::add);

    assertThat(result.exitCode()).isZero();
    assertThat(lines).containsExactly("args=install protobuf", "home=/h x=1", "err");
    assertThat(result.tail()).containsExactly("args=install protobuf", "home=/h x=1", "err");
    assertThat(runner.history()).containsExactly(result);
    assertThat(result.duration()).isPositive();
  }

  @Test
  void run_doesNotInheritTheAgentsEnvironment() throws Exception {
    Path bin = script("showenv", "env | sort");
    List<String> lines = new ArrayList<>();

    new ProcessRunner()
        .run(
            new Invocation("env", List.of("showenv"), Map.of("PATH", bin + ":/usr/bin:/bin"), dir),
            lines::add);

    assertThat(lines).noneMatch(l -> l.startsWith("JAVA_HOME=") || l.startsWith("HOME="));
  }

  @Test
  void run_reportsANonZeroExitAsAResult() throws Exception {
    Path bin = script("make", "echo building; exit 3");

    ProcessResult result =
        new ProcessRunner()
            .run(
                new Invocation("make", List.of("make"), Map.of("PATH", bin.toString()), dir),
                l -> {});

    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.succeeded()).isFalse();
    assertThat(result.tail()).containsExactly("building");
  }

  @Test
  void run_keepsOnlyTheLastLinesInTheTail() throws Exception {
    Path bin = script("noisy", "i=0; while [ $i -lt 100 ]; do echo line$i; i=$((i+1)); done");

    ProcessResult result =
        new ProcessRunner()
            .run(
                new Invocation(
                    "noisy", List.of("noisy"), Map.of("PATH", bin + ":/usr/bin:/bin"), dir),
                l -> {});

    assertThat(result.tail()).hasSize(40).startsWith("line60").endsWith("line99");
  }

  @Test
  void run_namesTheMissingProgramAndThePathSearched() {
    assertThatThrownBy(
            () ->
                new ProcessRunner()
                    .run(
                        new Invocation(
                            "go", List.of("go", "version"), Map.of("PATH", "/nowhere"), dir),
                        l -> {}))
        .isInstanceOf(ProcessException.class)
        .hasMessageContaining("Tried to run 'go version'")
        .hasMessageContaining("PATH=/nowhere");
  }
}
