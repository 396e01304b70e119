package dev.strata.it.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * LocalAI's real matrix (HEAD fixture: 457 Linux entries; the Darwin entries are dropped, no macOS
 * agent runs here) and LocalAI's profile, pointed at a fresh namespace of the local registry: the
 * throughput benchmark's repository. The builder bases the matrix names are pushed once (a local
 * Debian image under each base tag) so the agents' base check passes.
 */
final class LocalAiBenchFixture implements StackFixture {
  static final String REPOSITORY = "bench/localai";
  static final Path MATRIX = Path.of("/work/shared/fixtures/localai/backend-matrix.head.yml");
  static final Path PROFILE = Path.of("..", "profiles", "localai.yml");

  private final Path dir;
  private final String ns;
  private final Git git;
  private final List<String> bases;
  private String head;

  private LocalAiBenchFixture(Path dir, String ns, Git git, List<String> bases) {
    this.dir = dir;
    this.ns = ns;
    this.git = git;
    this.bases = bases;
  }

  static LocalAiBenchFixture create(Path dir) {
    String ns =
        ProcessFixture.REGISTRY
            + "/bench-"
            + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    try {
      String matrix = Files.readString(MATRIX);
      matrix = matrix.substring(0, matrix.indexOf("\nincludeDarwin:")) + "\nincludeDarwin: []\n";
      matrix = matrix.replace("quay.io/go-skynet/ci-cache", ns + "/ci-cache");
      Set<String> bases = new TreeSet<>();
      Matcher m = Pattern.compile("builder-base-image: [\"']?([^\"'\\s]+)").matcher(matrix);
      while (m.find()) {
        bases.add(m.group(1));
      }
      String profile =
          Files.readString(PROFILE)
              .replace("quay.io/go-skynet/ci-cache", ns + "/ci-cache")
              .replace(
                  "publish: [quay.io/go-skynet/local-ai-backends, localai/localai-backends]",
                  "publish: [" + ns + "/local-ai-backends, " + ns + "/localai-backends]")
              .replace("quay.io/go-skynet/ci-tests", ns + "/ci-tests")
              .replaceAll("ccacheBackends: \\[[^]]*]", "ccacheBackends: []");
      Files.writeString(dir.resolve("profile.yml"), profile);
      Files.writeString(
          dir.resolve("merge.yml"),
          """
          defaultBranch: master
          pipelines:
            backend:
              cacheRepo: NS/ci-cache
              publishRepos: [NS/local-ai-backends, NS/localai-backends]
              prRepo: NS/ci-tests
              tags: backend
          """
              .replace("NS", ns));
      Path repo = dir.resolve("repo");
      Files.createDirectories(repo.resolve(".github"));
      Files.writeString(repo.resolve(".github/backend-matrix.yml"), matrix);
      Files.writeString(repo.resolve("README.md"), "LocalAI-shaped benchmark repository\n");
      Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("master").call();
      LocalAiBenchFixture f = new LocalAiBenchFixture(dir, ns, git, new ArrayList<>(bases));
      f.commit("LocalAI matrix");
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Pushes {@code strata/debian:bookworm} under every builder-base tag the matrix names. */
  void pushBases() throws IOException, InterruptedException {
    for (String base : bases) {
      docker("tag", "strata/debian:bookworm", base);
      docker("push", "-q", base);
      docker("image", "rm", base);
    }
  }

  private static void docker(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of("/usr/bin/docker"));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException(argv + " failed: " + out);
    }
  }

  /** Commits the working tree with a fresh salt file; returns the new head. */
  String commit(String message) {
    try {
      Files.writeString(repo().resolve("salt.txt"), UUID.randomUUID() + "\n");
      git.add().addFilepattern(".").call();
      PersonIdent who = new PersonIdent("Strata Bench", "bench@strata.dev");
      head = git.commit().setMessage(message).setAuthor(who).setCommitter(who).call().getName();
      return head;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  String head() {
    return head;
  }

  String namespace() {
    return ns;
  }

  @Override
  public Path repo() {
    return dir.resolve("repo");
  }

  @Override
  public String repository() {
    return REPOSITORY;
  }

  @Override
  public Path profileFile() {
    return dir.resolve("profile.yml");
  }

  @Override
  public Path mergeFile() {
    return dir.resolve("merge.yml");
  }

  @Override
  public List<String> runnerClasses() {
    return List.of("ubuntu-latest", "ubuntu-24.04-arm", "bigger-runner");
  }

  @Override
  public void close() {
    git.close();
  }
}
