package dev.strata.it.processes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * This package's own small repository, profile and merge settings: four Python-style backends with
 * an amd64 and an arm64 leg each, all on runner class {@value #RUNNER_CLASS}, published to a fresh
 * namespace of the local registry. {@code alpha}, {@code beta} and {@code gamma} build {@code FROM
 * scratch} in about a second; {@code slow} runs one step on {@code strata/debian:bookworm} that
 * sleeps as long as its {@code delay-<arch>} file says. Nothing is pulled.
 */
final class ProcessFixture implements StackFixture {
  static final String RUNNER_CLASS = "ubuntu-latest";
  static final String REPOSITORY = "procs/fixture";
  static final String REGISTRY = "127.0.0.1:5000";

  static final String FAST_DOCKERFILE =
      """
      FROM scratch
      ARG BACKEND
      COPY backend/python/${BACKEND}/ /
      """;

  // the step runs on the build platform (amd64 here) for both targets: nothing is emulated
  static final String SLOW_DOCKERFILE =
      """
      FROM --platform=$BUILDPLATFORM strata/debian:bookworm AS work
      ARG BACKEND
      ARG TARGETARCH
      COPY backend/python/${BACKEND}/ /src/
      RUN echo "slow step ${TARGETARCH}" && sleep "$(cat /src/delay-${TARGETARCH})" && date > /src/built
      FROM scratch
      COPY --from=work /src/ /
      """;

  private final Path dir;
  private final String namespace;
  private final Git git;
  private String head;

  private ProcessFixture(Path dir, String namespace, Git git) {
    this.dir = dir;
    this.namespace = namespace;
    this.git = git;
  }

  /** Creates the repository under {@code dir}/repo and the settings files beside it. */
  static ProcessFixture create(Path dir) {
    String ns =
        REGISTRY
            + "/procs-"
            + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    try {
      Path repo = dir.resolve("repo");
      Files.createDirectories(repo);
      Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("master").call();
      ProcessFixture f = new ProcessFixture(dir, ns, git);
      Map<String, String> files = new LinkedHashMap<>();
      files.put(".github/backend-matrix.yml", matrix());
      files.put("backend/Dockerfile.python", FAST_DOCKERFILE);
      files.put("backend/Dockerfile.slowpython", SLOW_DOCKERFILE);
      for (String b : new String[] {"alpha", "beta", "gamma"}) {
        files.put("backend/python/" + b + "/backend.py", "print('" + b + "')\n");
      }
      files.put("backend/python/slow/backend.py", "print('slow')\n");
      files.put("backend/python/slow/delay-amd64", "1\n");
      files.put("backend/python/slow/delay-arm64", "1\n");
      files.put("README.md", "fixture\n");
      f.commit("initial", files);
      Files.writeString(dir.resolve("profile.yml"), profile(ns));
      Files.writeString(dir.resolve("merge.yml"), mergeSettings(ns));
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  static String matrix() {
    StringBuilder sb = new StringBuilder("include:\n");
    for (String b : new String[] {"alpha", "beta", "gamma", "slow"}) {
      String dockerfile = b.equals("slow") ? "slowpython" : "python";
      for (String arch : new String[] {"amd64", "arm64"}) {
        sb.append("  - build-type: ''\n")
            .append("    cuda-major-version: \"\"\n")
            .append("    cuda-minor-version: \"\"\n")
            .append("    platforms: 'linux/")
            .append(arch)
            .append("'\n    platform-tag: '")
            .append(arch)
            .append("'\n    tag-latest: 'auto'\n")
            .append("    tag-suffix: '-cpu-")
            .append(b)
            .append("'\n    runs-on: '")
            .append(RUNNER_CLASS)
            .append("'\n    base-image: \"strata/debian:bookworm\"\n")
            .append("    skip-drivers: 'false'\n")
            .append("    backend: \"")
            .append(b)
            .append("\"\n    dockerfile: \"./backend/Dockerfile.")
            .append(dockerfile)
            .append("\"\n    context: \"./\"\n")
            .append("    ubuntu-version: '2404'\n");
      }
    }
    return sb.append("includeDarwin: []\n").toString();
  }

  static String profile(String ns) {
    return """
        profile: procs
        matrix:
          path: .github/backend-matrix.yml
        proto:
          path: backend/backend.proto
        linux:
          classes:
            python: {dockerfileSuffix: python}
          paths:
            - dockerfileSuffix: python
              path: backend/python/{backend}/
          dockerfileRule: true
        darwin:
          bespokeBuilders: []
          classes: {}
          paths:
            - path: backend/python/{backend}/
        sharedInputs: []
        limits:
          singleArchShards: 4
          jobLimit: 256
          compareCap: 300
        registries:
          ciCache: NS/cache
          publish: [NS/backends]
          pullRequest: NS/ci-tests
        builder:
          weekKey: iso
        """
        .replace("NS", ns);
  }

  static String mergeSettings(String ns) {
    return """
        defaultBranch: master
        pipelines:
          backend:
            cacheRepo: NS/cache
            publishRepos: [NS/backends]
            prRepo: NS/ci-tests
            tags: backend
        """
        .replace("NS", ns);
  }

  /** Writes {@code files} and commits them on master; returns the new head. */
  String commit(String message, Map<String, String> files) {
    try {
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path p = repo().resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue());
      }
      git.add().addFilepattern(".").call();
      PersonIdent who = new PersonIdent("Strata Test", "test@strata.dev");
      head = git.commit().setMessage(message).setAuthor(who).setCommitter(who).call().getName();
      return head;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Commits a change under each named backend (a fresh salt, so no build step is cached). */
  String touch(String message, String... backends) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String b : backends) {
      files.put("backend/python/" + b + "/salt.txt", UUID.randomUUID() + "\n");
    }
    return commit(message, files);
  }

  String head() {
    return head;
  }

  @Override
  public String repository() {
    return REPOSITORY;
  }

  @Override
  public List<String> runnerClasses() {
    return List.of(RUNNER_CLASS);
  }

  @Override
  public Path repo() {
    return dir.resolve("repo");
  }

  @Override
  public Path profileFile() {
    return dir.resolve("profile.yml");
  }

  @Override
  public Path mergeFile() {
    return dir.resolve("merge.yml");
  }

  /** The registry namespace, e.g. {@code 127.0.0.1:5000/procs-3f9a0c21}. */
  String namespace() {
    return namespace;
  }

  /** The publish repository without the registry, e.g. {@code procs-3f9a0c21/backends}. */
  String publishPath() {
    return namespace.substring(REGISTRY.length() + 1) + "/backends";
  }

  @Override
  public void close() {
    git.close();
  }
}
