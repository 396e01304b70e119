package dev.strata.matrix.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.matrix.Fixtures;
import dev.strata.matrix.boot.PlanCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.InvalidPathException;
import org.eclipse.jgit.junit.TestRepository;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FS;
import picocli.CommandLine;

/**
 * Bench harness (not a test) for {@code strata plan history --count 300}: builds an on-disk
 * repository of 300 commits whose changed files and matrix revisions come from the parity requests
 * (LocalAI's real file lists and matrices, cycled), then times the replay. Argument: a folder to
 * build the repository in (default: a temporary folder).
 */
public final class HistoryBench {
  private HistoryBench() {}

  public static void main(String[] args) throws Exception {
    FS.FileStoreAttributes.setBackground(true);
    Path dir =
        args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("strata-history-bench");
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> requests = new ArrayList<>();
    for (String line : Files.readAllLines(Fixtures.parity().resolve("requests.jsonl"))) {
      JsonNode r = json.readTree(line);
      if (r.get("changedFiles").isArray()) {
        requests.add(r);
      }
    }
    long built = System.nanoTime();
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      TestRepository<Repository> tr = new TestRepository<>(git.getRepository());
      RevCommit c = null;
      for (int i = 0; i < 300; i++) {
        JsonNode r = requests.get(i % requests.size());
        TestRepository<Repository>.CommitBuilder b =
            c == null ? tr.commit() : tr.commit().parent(c);
        Path matrix = Fixtures.parity().resolve(r.get("matrixFile").asText()).normalize();
        b.add(".github/backend-matrix.yml", Files.readString(matrix));
        int n = 0;
        for (JsonNode f : r.get("changedFiles")) {
          if (n++ < 60 && !f.asText().equals(".github/backend-matrix.yml")) {
            try {
              b.add(f.asText(), "commit " + i + "\n");
            } catch (InvalidPathException e) {
              // synthetic look-alike paths (./x, X//y) are not valid in git
            }
          }
        }
        c = b.message(r.get("id").asText()).create();
      }
      tr.update("refs/heads/master", c);
    }
    System.out.printf(
        "built 300-commit repository in %.1f s at %s%n", (System.nanoTime() - built) / 1e9, dir);
    for (int round = 1; round <= 3; round++) {
      StringWriter out = new StringWriter();
      CommandLine cli = new CommandLine(new PlanCommand());
      cli.setOut(new PrintWriter(out));
      long t = System.nanoTime();
      int code =
          cli.execute(
              "history",
              "--profile",
              Fixtures.repoRoot().resolve("profiles/localai.yml").toString(),
              "--repo",
              dir.toString(),
              "--count",
              "300");
      double s = (System.nanoTime() - t) / 1e9;
      String totals =
          out.toString().lines().filter(l -> l.startsWith("total:")).findFirst().orElse("?");
      System.out.printf(
          "history --count 300, round %d: exit %d in %.2f s; %s%n", round, code, s, totals);
    }
  }
}
