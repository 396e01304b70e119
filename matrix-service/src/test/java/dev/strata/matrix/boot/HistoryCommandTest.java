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
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code strata plan history}: replay of first-parent pushes, rule frequencies, two profiles. */
class HistoryCommandTest {
  private static final String PROFILE =
      Fixtures.repoRoot().resolve("profiles/localai.yml").toString();
  private static final String MATRIX =
      """
      include:
        - {tag-suffix: '-cpu-vllm', tag-latest: auto, backend: vllm, dockerfile: ./backend/Dockerfile.python}
        - {tag-suffix: '-cpu-whisper', tag-latest: auto, backend: whisper, dockerfile: ./backend/Dockerfile.golang}
      includeDarwin:
        - {backend: whisper, tag-suffix: -metal-darwin-arm64-whisper, lang: go}
      """;

  private Path repo;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void history() throws Exception {
    FS.FileStoreAttributes.setBackground(true);
    repo = Files.createTempDirectory("strata-history");
    try (Git git = Git.init().setDirectory(repo.toFile()).call()) {
      TestRepository<Repository> tr = new TestRepository<>(git.getRepository());
      RevCommit c = tr.commit().add(".github/backend-matrix.yml", MATRIX).message("root").create();
      c =
          tr.commit()
              .parent(c)
              .add("backend/go/whisper/main.go", "package main\n")
              .message("whisper")
              .create();
      c = tr.commit().parent(c).add("README.md", "docs\n").message("docs").create();
      c =
          tr.commit()
              .parent(c)
              .add("scripts/build/healthcheck.sh", "#!/bin/sh\n")
              .message("health")
              .create();
      c =
          tr.commit()
              .parent(c)
              .add("backend/python/common/util.py", "x = 1\n")
              .message("common")
              .create();
      tr.update("refs/heads/master", c);
    }
  }

  @AfterEach
  void remove() throws Exception {
    for (int attempt = 0; attempt < 5 && Files.exists(repo); attempt++) {
      try (Stream<Path> walk = Files.walk(repo)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      Thread.sleep(100);
    }
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new PlanCommand(java.util.Map.of()));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void replaysEveryFirstParentPush_andCountsRuleFires() {
    int code = run("history", "--profile", PROFILE, "--repo", repo.toString(), "--count", "10");

    assertThat(code).as(err.toString()).isZero();
    String table = out.toString();
    assertThat(table.lines().filter(l -> l.matches("[0-9a-f]{10} .*"))).hasSize(5);
    assertThat(table)
        .contains("ZERO_BEFORE")
        .contains("total: 5 pushes, run-all 1 (20.0%), failed 0, nothing selected 1 (20.0%)")
        .contains("rule build-scripts fired on 1 pushes (20.0%)")
        .contains("rule python-common fired on 1 pushes (20.0%)");
  }

  @Test
  void countLimitsToTheNewestPushes() {
    run("history", "--profile", PROFILE, "--repo", repo.toString(), "--count", "2");

    assertThat(out.toString()).contains("total: 2 pushes, run-all 0");
  }

  @Test
  void secondProfile_showsThePushesThatSelectDifferently() throws Exception {
    String changed =
        Files.readString(Path.of(PROFILE))
            .replace(
                "    prefixes: [scripts/build/]\n    excludeSuffix: _test.sh\n    linux: all\n",
                "    prefixes: [scripts/build/]\n    excludeSuffix: _test.sh\n    linux: none\n");
    Path profileB = Files.writeString(repo.resolve("b.yml"), changed);

    int code =
        run(
            "history",
            "--profile",
            PROFILE,
            "--profile-b",
            profileB.toString(),
            "--repo",
            repo.toString());

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("1 of 5 pushes select differently")
        .containsPattern("[0-9a-f]{10} +2/1 +0/1  health");
  }

  @Test
  void jsonFormat_givesEachPushAndTheTotals_inAStableKeyOrder() throws Exception {
    int code = run("history", "--profile", PROFILE, "--repo", repo.toString(), "--format", "json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(keys(report)).containsExactly("branch", "pushes", "totals");
    JsonNode pushes = report.get("pushes");
    // oldest first, as the text table
    assertThat(pushes).hasSize(5);
    assertThat(keys(pushes.get(0)))
        .containsExactly(
            "after",
            "before",
            "date",
            "subject",
            "exitCode",
            "runAll",
            "runAllReason",
            "linux",
            "darwin",
            "rules",
            "error");
    JsonNode root = pushes.get(0);
    assertThat(root.get("subject").asText()).isEqualTo("root");
    assertThat(root.get("runAll").asBoolean()).isTrue();
    assertThat(root.get("runAllReason").asText()).isEqualTo("zero-before");
    JsonNode health = pushes.get(3);
    assertThat(health.get("subject").asText()).isEqualTo("health");
    assertThat(health.get("linux").asInt()).isEqualTo(2);
    assertThat(health.get("darwin").asInt()).isEqualTo(1);
    assertThat(health.get("rules").get(0).asText()).isEqualTo("build-scripts");
    assertThat(health.get("runAllReason").isNull()).isTrue();
    JsonNode totals = report.get("totals");
    assertThat(keys(totals))
        .containsExactly(
            "pushes", "runAll", "failed", "empty", "linuxEntries", "darwinEntries", "ruleFires");
    assertThat(totals.get("pushes").asInt()).isEqualTo(5);
    assertThat(totals.get("runAll").asInt()).isEqualTo(1);
    assertThat(totals.get("empty").asInt()).isEqualTo(1);
    assertThat(totals.get("ruleFires").get("build-scripts").asInt()).isEqualTo(1);
    assertThat(totals.get("ruleFires").get("python-common").asInt()).isEqualTo(1);
  }

  @Test
  void jsonFormat_withASecondProfile_listsThePushesThatDiffer() throws Exception {
    String changed =
        Files.readString(Path.of(PROFILE))
            .replace(
                "    prefixes: [scripts/build/]\n    excludeSuffix: _test.sh\n    linux: all\n",
                "    prefixes: [scripts/build/]\n    excludeSuffix: _test.sh\n    linux: none\n");
    Path profileB = Files.writeString(repo.resolve("b.yml"), changed);

    run(
        "history",
        "--profile",
        PROFILE,
        "--profile-b",
        profileB.toString(),
        "--repo",
        repo.toString(),
        "--format",
        "json");

    JsonNode report = new ObjectMapper().readTree(out.toString());
    assertThat(keys(report)).containsExactly("branch", "a", "b", "differing");
    assertThat(report.get("differing")).hasSize(1);
    assertThat(report.get("differing").get(0).asText())
        .isEqualTo(report.get("a").get("pushes").get(3).get("after").asText());
    assertThat(report.get("b").get("pushes").get(3).get("linux").asInt()).isZero();
  }

  @Test
  void unknownFormat_exits2() {
    assertThat(run("history", "--profile", PROFILE, "--repo", repo.toString(), "--format", "xml"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--format must be text or json");
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
