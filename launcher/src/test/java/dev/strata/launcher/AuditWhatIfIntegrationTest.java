package dev.strata.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.domain.run.api.MatrixFiltered;
import dev.strata.domain.run.api.ReceiveTrigger;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.matrix.boot.MatrixSettings;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code strata audit what-if} end to end: the matrix role plans two pushes of a LocalAI-shaped
 * repository with the shipped profile into an H2 event store; what-if re-plans them with a copy of
 * the profile whose {@code python-common} rule no longer selects Linux entries.
 */
class AuditWhatIfIntegrationTest {
  private static final Repository REPO = Repository.parse("mudler/LocalAI");
  private static final Path PROFILE = Path.of("..", "profiles", "localai.yml");

  private static final String MATRIX =
      """
      include:
        - build-type: ''
          platforms: 'linux/amd64'
          platform-tag: 'amd64'
          tag-latest: 'auto'
          tag-suffix: '-cpu-kokoro'
          runs-on: 'ubuntu-latest'
          backend: "kokoro"
          dockerfile: "./backend/Dockerfile.python"
          context: "./"
        - build-type: ''
          platforms: 'linux/arm64'
          platform-tag: 'arm64'
          tag-latest: 'auto'
          tag-suffix: '-cpu-kokoro'
          runs-on: 'ubuntu-24.04-arm'
          backend: "kokoro"
          dockerfile: "./backend/Dockerfile.python"
          context: "./"
        - build-type: ''
          platforms: 'linux/amd64'
          tag-latest: 'auto'
          tag-suffix: '-cpu-piper'
          runs-on: 'ubuntu-latest'
          backend: "piper"
          dockerfile: "./backend/Dockerfile.golang"
          context: "./"
      """;

  @TempDir Path dir;
  private Git upstream;

  @Test
  void whatIf_reportsTheLegsAnotherProfileWouldHaveBuilt_perRunAndInTotal() throws Exception {
    upstream = Git.init().setDirectory(dir.resolve("upstream").toFile()).call();
    write(".github/backend-matrix.yml", MATRIX);
    write("backend/backend.proto", "syntax = \"proto3\";\n");
    write("backend/python/kokoro/backend.py", "print('kokoro')\n");
    write("backend/python/common/libbackend.sh", "#!/bin/sh\n");
    write("backend/go/piper/main.go", "package main\n");
    RevCommit base = commit("initial");
    write("backend/python/common/libbackend.sh", "#!/bin/sh\necho common\n");
    RevCommit common = commit("python common");
    write("backend/go/piper/main.go", "package main\n// piper\n");
    RevCommit piper = commit("piper");
    Path repo = upstream.getRepository().getDirectory().toPath();

    Path data = dir.resolve("data");
    MatrixFiltered commonPlan;
    MatrixFiltered piperPlan;
    try (StrataRuntime runtime =
        Roles.runtime(
                TestDatabases.h2(data),
                List.of(Roles.MATRIX),
                null,
                new MatrixSettings(PROFILE.toAbsolutePath(), repo))
            .start()) {
      commonPlan = plan(runtime, "run1", push(base, common));
      piperPlan = plan(runtime, "run2", push(common, piper));
    }
    assertThat(commonPlan.rulesFired()).contains("python-common");
    long commonLinux = commonPlan.legs().stream().filter(l -> !l.darwin()).count();
    assertThat(commonLinux).isEqualTo(2);

    Path other = dir.resolve("other.yml");
    String shipped = Files.readString(PROFILE);
    String changed =
        shipped.replace(
            "prefixes: [backend/python/common/]\n    linux: python",
            "prefixes: [backend/python/common/]\n    linux: none");
    assertThat(changed).isNotEqualTo(shipped);
    Files.writeString(other, changed);

    JsonNode report =
        new ObjectMapper()
            .readTree(
                run(
                    "audit",
                    "what-if",
                    "--data-dir",
                    data.toString(),
                    "--profile",
                    other.toString(),
                    "--repo",
                    repo.toString(),
                    "--format",
                    "json",
                    "--quiet"));

    JsonNode runs = report.get("runs");
    assertThat(runs).hasSize(2);
    assertThat(runs.get(0).get("run").asText()).isEqualTo("run1");
    assertThat(runs.get(0).get("recordedLegs").asInt()).isEqualTo(commonPlan.legs().size());
    assertThat(runs.get(0).get("whatIfLegs").asInt())
        .isEqualTo(commonPlan.legs().size() - (int) commonLinux);
    assertThat(runs.get(1).get("recordedLegs").asInt()).isEqualTo(piperPlan.legs().size());
    assertThat(runs.get(1).get("whatIfLegs").asInt()).isEqualTo(piperPlan.legs().size());
    assertThat(report.get("totals").get("whatIfLegs").asLong())
        .isEqualTo(report.get("totals").get("recordedLegs").asLong() - commonLinux);
    assertThat(report.get("totals").get("failed").asInt()).isZero();
    upstream.close();
  }

  @Test
  void whatIf_withoutARepository_saysWhereToGiveIt() throws Exception {
    Path profile = dir.resolve("p.yml");
    Files.writeString(profile, "x: 1\n");
    CommandLine cli = Strata.commandLine();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));

    int code =
        cli.execute(
            "audit",
            "what-if",
            "--data-dir",
            dir.resolve("data").toString(),
            "--profile",
            profile.toString());

    if (System.getenv("STRATA_REPOSITORY") == null) {
      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).contains("give --repo DIR or set STRATA_REPOSITORY");
    } else {
      assertThat(code).isNotZero();
    }
  }

  private static MatrixFiltered plan(StrataRuntime runtime, String id, Trigger trigger)
      throws InterruptedException {
    RunId run = RunId.of(id);
    runtime
        .commandGateway()
        .sendAndWait(
            new ReceiveTrigger(
                run, trigger, "d-" + id, "g-" + id, List.of("backend"), true, Instant.now()));
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (Object e :
          runtime
              .eventStore()
              .readEvents(id)
              .asStream()
              .map(m -> (Object) m.getPayload())
              .toList()) {
        if (e instanceof MatrixFiltered m) {
          return m;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no MatrixFiltered for " + id + " within 30 s");
  }

  private static Trigger push(RevCommit before, RevCommit after) {
    return Trigger.push(
        REPO, "master", CommitSha.parse(before.getName()), CommitSha.parse(after.getName()), false);
  }

  private static String run(String... args) {
    CommandLine cli = Strata.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    assertThat(code).as("exit code; stderr: %s", err).isZero();
    return out.toString();
  }

  private void write(String path, String text) throws Exception {
    Path file = upstream.getRepository().getWorkTree().toPath().resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private RevCommit commit(String message) throws Exception {
    upstream.add().addFilepattern(".").call();
    return upstream.commit().setMessage(message).setSign(false).call();
  }
}
