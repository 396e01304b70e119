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

/** {@code strata plan --pipeline NAME}: the root image and builder bases, from git or a list. */
class PipelineCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROFILE =
      Fixtures.repoRoot().resolve("profiles/localai.yml").toString();
  private static final String PUSH =
      "{\"ref\":\"refs/heads/master\",\"before\":\"1111111111111111111111111111111111111111\","
          + "\"after\":\"2222222222222222222222222222222222222222\"}";

  @TempDir Path dir;
  private final List<Path> repoDirs = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

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

  private int run(String... args) {
    CommandLine cli = new CommandLine(new PlanCommand(Map.of()));
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void unknownPipeline_exits2_namingThePipelinesTheProfileDeclares() throws Exception {
    int code =
        run(
            "--profile",
            PROFILE,
            "--pipeline",
            "docs",
            "--event-file",
            file("e.json", PUSH).toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("Unknown pipeline 'docs'")
        .contains("declares: backend, root-image, builder-bases");
  }

  @Test
  void fixedPipelineWithBatch_exits2() throws Exception {
    int code =
        run(
            "--profile",
            PROFILE,
            "--pipeline",
            "root-image",
            "--batch",
            file("r.jsonl", "").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--batch plans only the backend matrix");
  }

  @Test
  void rootImage_json_listsEveryLegAndTheGateDecision() throws Exception {
    int code =
        run(
            "--profile",
            PROFILE,
            "--pipeline",
            "root-image",
            "--event-file",
            file("e.json", PUSH).toString(),
            "--changed-files",
            file("changed.txt", "docs/index.md\nMakefile\n").toString(),
            "--format",
            "json");

    assertThat(code).isZero();
    JsonNode plan = JSON.readTree(out.toString());
    List<String> keys = new ArrayList<>();
    plan.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "pipeline",
            "kind",
            "eventName",
            "pullRequest",
            "build",
            "reason",
            "detail",
            "legs",
            "merges");
    assertThat(plan.get("build").asBoolean()).isTrue();
    assertThat(plan.get("reason").asText()).isEqualTo("relevant-change");
    assertThat(plan.get("detail").asText()).startsWith("Makefile matches nothing");
    assertThat(plan.get("legs")).hasSize(10);
    JsonNode intel = plan.get("legs").get(6);
    assertThat(intel.get("id").asText()).isEqualTo("root:-gpu-intel@single");
    assertThat(intel.get("runsOn").asText()).isEqualTo("ubuntu-latest");
    assertThat(intel.get("fields").get("base-image").asText())
        .isEqualTo("intel/oneapi-basekit:2025.3.2-0-devel-ubuntu24.04");
    assertThat(plan.get("merges")).hasSize(8);
  }

  @Test
  void rootImage_docsOnlyPush_isSkipped_inGithubOutputAndTable() throws Exception {
    Path event = file("e.json", PUSH);
    Path changed = file("changed.txt", "docs/index.md\ngallery/index.yaml\n");

    int gh =
        run(
            "--profile",
            PROFILE,
            "--pipeline",
            "root-image",
            "--event-file",
            event.toString(),
            "--changed-files",
            changed.toString());
    String ghOut = out.toString();
    out.getBuffer().setLength(0);
    int table =
        run(
            "--profile",
            PROFILE,
            "--pipeline",
            "root-image",
            "--event-file",
            event.toString(),
            "--changed-files",
            changed.toString(),
            "--format",
            "table");

    assertThat(gh).isZero();
    assertThat(ghOut.lines()).containsExactly("build=false", "reason=ignored-only");
    assertThat(table).isZero();
    assertThat(out.toString())
        .contains("build                        false (ignored-only)")
        .contains("legs                         0");
  }

  @Test
  void builderBases_fromGit_rebuildWhenTheInstallScriptChanges() throws Exception {
    FS.FileStoreAttributes.setBackground(true);
    Path repoDir = Files.createTempDirectory("strata-pipeline-repo");
    repoDirs.add(repoDir);
    RevCommit base;
    RevCommit script;
    RevCommit docs;
    try (Git git = Git.init().setDirectory(repoDir.toFile()).call()) {
      TestRepository<Repository> tr = new TestRepository<>(git.getRepository());
      base = tr.commit().add(".docker/install-base-deps.sh", "apt-get install cmake\n").create();
      script =
          tr.commit()
              .parent(base)
              .add(".docker/install-base-deps.sh", "apt-get install git\n")
              .create();
      docs = tr.commit().parent(script).add("docs/index.md", "# docs\n").create();
    }

    int rebuilt = plan("builder-bases", repoDir, base, script);
    JsonNode rebuiltPlan = JSON.readTree(out.toString());
    out.getBuffer().setLength(0);
    int notRebuilt = plan("builder-bases", repoDir, script, docs);
    JsonNode notRebuiltPlan = JSON.readTree(out.toString());
    out.getBuffer().setLength(0);
    int rootDocsOnly = plan("root-image", repoDir, script, docs);

    assertThat(rebuilt).isZero();
    assertThat(rebuiltPlan.get("reason").asText()).isEqualTo("matching-path");
    assertThat(rebuiltPlan.get("legs")).hasSize(10);
    assertThat(rebuiltPlan.get("legs").get(0).get("id").asText()).isEqualTo("base:base-grpc-amd64");
    assertThat(notRebuilt).isZero();
    assertThat(notRebuiltPlan.get("build").asBoolean()).isFalse();
    assertThat(notRebuiltPlan.get("legs")).isEmpty();
    assertThat(rootDocsOnly).isZero();
    assertThat(JSON.readTree(out.toString()).get("reason").asText()).isEqualTo("ignored-only");
  }

  private int plan(String pipeline, Path repo, RevCommit before, RevCommit after) throws Exception {
    String event =
        "{\"ref\":\"refs/heads/master\",\"before\":\""
            + before.name()
            + "\",\"after\":\""
            + after.name()
            + "\"}";
    return run(
        "--profile",
        PROFILE,
        "--pipeline",
        pipeline,
        "--repo",
        repo.toString(),
        "--event-file",
        file("event.json", event).toString(),
        "--event-name",
        "push",
        "--format",
        "json");
  }
}
