package dev.strata.matrix.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.matrix.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code strata plan}: batch mode error handling and explicit mode. */
class PlanCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROFILE =
      Fixtures.repoRoot().resolve("profiles/localai.yml").toString();
  private static final String PUSH =
      "{\"ref\":\"refs/heads/master\",\"before\":\"1111111111111111111111111111111111111111\","
          + "\"after\":\"2222222222222222222222222222222222222222\"}";

  @TempDir Path dir;
  private final List<Path> repoDirs = new ArrayList<>();

  @AfterEach
  void removeRepositories() throws Exception {
    for (Path repo : repoDirs) {
      for (int attempt = 0; attempt < 5 && Files.exists(repo); attempt++) {
        try (Stream<Path> walk = Files.walk(repo)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Thread.sleep(100);
      }
    }
  }

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    CommandLine cli = new CommandLine(new PlanCommand(env));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private List<JsonNode> results(Path file) throws Exception {
    List<JsonNode> list = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      list.add(JSON.readTree(line));
    }
    return list;
  }

  @Test
  void badRequestLines_yieldExitCode2NamingTheField_andTheBatchGoesOn() throws Exception {
    Files.copy(Fixtures.localai().resolve("backend-matrix.head.yml"), dir.resolve("m.yml"));
    Path requests = dir.resolve("requests.jsonl");
    Files.writeString(
        requests,
        String.join(
            "\n",
            "{\"id\":\"ok\",\"eventName\":\"push\",\"event\":"
                + PUSH
                + ",\"env\":{},\"changedFiles\":[\"backend/go/whisper/gowhisper.go\"],\"matrixFile\":\"m.yml\"}",
            "not json",
            "{\"id\":\"no-event\",\"eventName\":\"push\",\"changedFiles\":[],\"matrixFile\":\"m.yml\"}",
            "{\"id\":\"bad-files\",\"event\":"
                + PUSH
                + ",\"changedFiles\":\"README.md\",\"matrixFile\":\"m.yml\"}",
            "{\"id\":\"no-matrix\",\"event\":" + PUSH + ",\"changedFiles\":[]}",
            "{\"id\":\"missing-matrix\",\"event\":"
                + PUSH
                + ",\"changedFiles\":[],\"matrixFile\":\"nope.yml\"}",
            "{\"id\":\"last\",\"event\":{},\"changedFiles\":null,\"matrixFile\":\"m.yml\"}",
            ""));
    Path results = dir.resolve("results.jsonl");

    int code =
        run(
            Map.of(),
            "--profile",
            PROFILE,
            "--batch",
            requests.toString(),
            "--out",
            results.toString());

    assertThat(code).isZero();
    List<JsonNode> r = results(results);
    assertThat(r).extracting(n -> n.get("exitCode").asInt()).containsExactly(0, 2, 2, 2, 2, 1, 0);
    assertThat(r.get(0).get("outputs").get("whisper").asText()).isEqualTo("true");
    assertThat(r.get(0).has("error")).isFalse();
    assertThat(r.get(1).get("error").asText())
        .contains("requests.jsonl:2")
        .contains("not valid JSON");
    assertThat(r.get(2).get("error").asText()).contains("field 'event'");
    assertThat(r.get(3).get("error").asText()).contains("field 'changedFiles'");
    assertThat(r.get(4).get("error").asText()).contains("field 'matrixFile'");
    assertThat(r.get(5).get("error").asText()).contains("nope.yml").contains("does not exist");
    assertThat(r.get(6).get("outputs").get("run-all").asText()).isEqualTo("true");
    assertThat(err.toString()).contains("planned 7 requests: 1 failed, 4 bad");
  }

  @Test
  void explicitMode_printsGitHubOutputLines() throws Exception {
    Path event = Files.writeString(dir.resolve("event.json"), PUSH);
    Path files =
        Files.writeString(dir.resolve("files.txt"), "backend/cpp/ik-llama-cpp/Makefile\n\n");

    int code =
        run(
            Map.of("FORCE_ALL", "false"),
            "--profile",
            PROFILE,
            "--event-file",
            event.toString(),
            "--changed-files",
            files.toString(),
            "--matrix",
            Fixtures.localai().resolve("backend-matrix.head.yml").toString(),
            "--previous-matrix-unavailable",
            "--previous-proto-unavailable");

    assertThat(code).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(23 + 75);
    assertThat(lines.get(0)).isEqualTo("run-all=false");
    assertThat(lines)
        .contains("ik-llama-cpp=true", "llama-cpp=false", "has-backends-singlearch-1=true");
  }

  @Test
  void explicitMode_forceAllFromTheEnvironment_runsAll_inTableFormat() throws Exception {
    Path event = Files.writeString(dir.resolve("event.json"), PUSH);
    Path files = Files.writeString(dir.resolve("files.txt"), "README.md\n");

    int code =
        run(
            Map.of("FORCE_ALL", "true"),
            "--profile",
            PROFILE,
            "--event-file",
            event.toString(),
            "--changed-files",
            files.toString(),
            "--matrix",
            Fixtures.localai().resolve("backend-matrix.head.yml").toString(),
            "--format",
            "table");

    assertThat(code).isZero();
    assertThat(out.toString()).contains("run-all").contains("true (FORCE_ALL)").contains("457");
  }

  @Test
  void malformedProfile_exitsWith2AndSaysWhere() throws Exception {
    Path profile = Files.writeString(dir.resolve("p.yml"), "profile: x\nlinux: []\n");

    int code = run(Map.of(), "--profile", profile.toString(), "--batch", "x.jsonl");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("p.yml:");
  }

  @Test
  void pullRequestWhoseFileListFailed_exitsWith1() throws Exception {
    Path event =
        Files.writeString(
            dir.resolve("event.json"),
            "{\"pull_request\":{\"number\":1,\"base\":{\"sha\":\"aa\"},\"head\":{\"sha\":\"bb\"}}}");

    int code =
        run(
            Map.of(),
            "--profile",
            PROFILE,
            "--event-file",
            event.toString(),
            "--changed-files-error",
            "--matrix",
            Fixtures.localai().resolve("backend-matrix.head.yml").toString(),
            "--format",
            "json");

    assertThat(code).isEqualTo(1);
    assertThat(JSON.readTree(out.toString()).get("exitCode").asInt()).isEqualTo(1);
    assertThat(err.toString()).contains("pull request");
  }

  @Test
  void repositoryMode_onTheCommandLineAndInABatch_readsGitHistory() throws Exception {
    FS.FileStoreAttributes.setBackground(true);
    // JGit's background timestamp probe may still write into the repository while @TempDir cleans
    // up, so the repository lives in a folder this test removes leniently
    Path repoDir = Files.createTempDirectory("strata-plan-repo");
    repoDirs.add(repoDir);
    RevCommit before;
    RevCommit after;
    try (Git git = Git.init().setDirectory(repoDir.toFile()).call()) {
      TestRepository<Repository> tr = new TestRepository<>(git.getRepository());
      String matrix = Files.readString(Fixtures.localai().resolve("backend-matrix.head.yml"));
      before = tr.commit().add(".github/backend-matrix.yml", matrix).create();
      after =
          tr.commit()
              .parent(before)
              .add("backend/rust/kokoros/src/main.rs", "fn main() {}\n")
              .create();
    }
    String event =
        "{\"ref\":\"refs/heads/master\",\"before\":\""
            + before.name()
            + "\",\"after\":\""
            + after.name()
            + "\"}";
    Path eventFile = Files.writeString(dir.resolve("event.json"), event);
    Path requests =
        Files.writeString(
            dir.resolve("requests.jsonl"),
            "{\"id\":\"git\",\"event\":"
                + event
                + ",\"repo\":"
                + JSON.writeValueAsString(repoDir.toString())
                + "}\n");
    Path results = dir.resolve("results.jsonl");

    int single =
        run(
            Map.of(),
            "--profile",
            PROFILE,
            "--repo",
            repoDir.toString(),
            "--event-file",
            eventFile.toString());
    int batch =
        run(
            Map.of(),
            "--profile",
            PROFILE,
            "--batch",
            requests.toString(),
            "--out",
            results.toString());

    assertThat(single).isZero();
    assertThat(out.toString().lines()).contains("run-all=false", "kokoros=true", "llama-cpp=false");
    assertThat(batch).isZero();
    JsonNode r = results(results).get(0);
    assertThat(r.get("exitCode").asInt()).isZero();
    assertThat(r.get("outputs").get("kokoros").asText()).isEqualTo("true");
    assertThat(r.get("outputs").get("matrix-singlearch-1").asText()).contains("-cpu-kokoros");
  }
}
