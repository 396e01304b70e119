package dev.strata.builder.testing;

import dev.strata.domain.trigger.api.CommitSha;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A small git repository with LocalAI's shape, created by the tests: a {@code Dockerfile.python}
 * with {@code ARG DEPS_REFRESH} before the dependency step, a multi-target {@code
 * Dockerfile.llama-cpp} (builder-fromsource / builder-prebuilt / alias / scratch) whose compile
 * step really runs ccache on a few C files under a {@code <backend>-ccache-...} cache mount, the
 * builder-base Dockerfile with its install script, and a matrix naming the legs. Base images come
 * from the locally imported Debian rootfs; nothing is pulled.
 */
public final class FixtureRepo implements AutoCloseable {
  public static final String BASE_IMAGE = "strata/debian:bookworm";

  static final String PYTHON_DOCKERFILE =
      """
      ARG BASE_IMAGE=strata/debian:bookworm
      FROM ${BASE_IMAGE} AS builder
      ARG BUILD_TYPE
      ARG SKIP_DRIVERS
      ARG CUDA_MAJOR_VERSION
      ARG CUDA_MINOR_VERSION
      ARG BACKEND
      ARG UBUNTU_VERSION
      ARG APT_MIRROR
      RUN echo "base deps for ${BACKEND} (${BUILD_TYPE})" > /base-deps.txt
      COPY backend/python/${BACKEND} /${BACKEND}
      ARG DEPS_REFRESH=initial
      RUN cd /${BACKEND} && echo "resolved ${DEPS_REFRESH}" > deps.lock && cat requirements.txt >> deps.lock
      RUN cd /${BACKEND} && sh build.sh
      FROM scratch
      ARG BACKEND
      COPY --from=builder /${BACKEND}/ /
      """;

  static final String LLAMA_DOCKERFILE =
      """
      ARG BASE_IMAGE=strata/debian:bookworm
      ARG BUILDER_BASE_IMAGE=${BASE_IMAGE}
      ARG BUILDER_TARGET=builder-fromsource

      FROM ${BASE_IMAGE} AS builder-fromsource
      ARG BUILD_TYPE
      ARG TARGETARCH
      RUN --mount=type=bind,source=.docker/install-base-deps.sh,target=/install-base-deps.sh sh /install-base-deps.sh
      COPY backend/cpp/llama-cpp /src
      RUN --mount=type=cache,target=/root/.ccache,id=llama-cpp-ccache-${TARGETARCH}-${BUILD_TYPE},sharing=locked --mount=type=bind,source=.docker/llama-cpp-compile.sh,target=/compile.sh cd /src && sh /compile.sh

      FROM ${BUILDER_BASE_IMAGE} AS builder-prebuilt
      ARG BUILD_TYPE
      ARG TARGETARCH
      COPY backend/cpp/llama-cpp /src
      RUN --mount=type=cache,target=/root/.ccache,id=llama-cpp-ccache-${TARGETARCH}-${BUILD_TYPE},sharing=locked --mount=type=bind,source=.docker/llama-cpp-compile.sh,target=/compile.sh cd /src && sh /compile.sh

      FROM ${BUILDER_TARGET} AS builder

      FROM scratch
      COPY --from=builder /src/out/ /
      """;

  static final String BASE_DOCKERFILE =
      """
      ARG BASE_IMAGE=strata/debian:bookworm
      FROM ${BASE_IMAGE}
      ARG BUILD_TYPE
      ARG CUDA_MAJOR_VERSION
      ARG CUDA_MINOR_VERSION
      ARG UBUNTU_VERSION
      ARG SKIP_DRIVERS=false
      RUN --mount=type=bind,source=.docker/install-base-deps.sh,target=/install-base-deps.sh sh /install-base-deps.sh
      """;

  static final String INSTALL_BASE_DEPS =
      """
      set -e
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends gcc libc6-dev ccache make >/dev/null
      rm -rf /var/lib/apt/lists/*
      """;

  static final String COMPILE =
      """
      set -e
      export CCACHE_DIR=/root/.ccache
      ccache --max-size=1G >/dev/null
      ccache -z >/dev/null
      mkdir -p out
      for f in *.c; do ccache gcc -O2 -c "$f" -o "out/${f%.c}.o"; done
      gcc out/*.o -o out/llama-cpp-grpc
      rm out/*.o
      ccache -s
      """;

  /** The root image's {@code ./Dockerfile} (DOMAIN.md 4.8): it records the root build-args. */
  static final String ROOT_DOCKERFILE =
      """
      ARG BASE_IMAGE=scratch
      FROM ${BASE_IMAGE}
      ARG BUILD_TYPE
      ARG MAKEFLAGS
      ARG UBUNTU_CODENAME
      RUN mkdir -p /localai && echo "type=${BUILD_TYPE} make=${MAKEFLAGS} \
          codename=${UBUNTU_CODENAME}" > /localai/build.txt
      """;

  private final Path dir;
  private final Git git;

  private FixtureRepo(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  /** Creates the repository in {@code dir} with one commit. */
  public static FixtureRepo create(Path dir) {
    try {
      Files.createDirectories(dir);
      Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call();
      FixtureRepo repo = new FixtureRepo(dir, git);
      Map<String, String> files = new LinkedHashMap<>();
      files.put(".github/backend-matrix.yml", matrix());
      files.put("backend/Dockerfile.python", PYTHON_DOCKERFILE);
      files.put("Dockerfile", ROOT_DOCKERFILE);
      files.put("backend/python/tinypy/requirements.txt", "tinydep==1.0\n");
      files.put("backend/python/tinypy/build.sh", "echo building tinypy\ncat deps.lock\n");
      files.put("backend/Dockerfile.llama-cpp", LLAMA_DOCKERFILE);
      files.put("backend/Dockerfile.base-grpc-builder", BASE_DOCKERFILE);
      files.put(".docker/install-base-deps.sh", INSTALL_BASE_DEPS);
      files.put(".docker/llama-cpp-compile.sh", COMPILE);
      for (int i = 1; i <= 4; i++) {
        files.put("backend/cpp/llama-cpp/unit" + i + ".c", cFile(i, 0));
      }
      files.put(
          "backend/cpp/llama-cpp/main.c",
          "int unit1(int);\nint main(void) { return unit1(0) == 42 ? 0 : 1; }\n");
      repo.commit("initial fixture", files);
      return repo;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A C file with a few functions; {@code revision} changes its body. */
  public static String cFile(int n, int revision) {
    StringBuilder sb = new StringBuilder();
    for (int f = 0; f < 40; f++) {
      sb.append("static int f")
          .append(f)
          .append("(int x) { int s = x; for (int i = 0; i < ")
          .append(f + 3)
          .append("; i++) s = s * 31 + i; return s; }\n");
    }
    sb.append("int unit")
        .append(n)
        .append("(int x) { return f0(x) + f39(x) + ")
        .append(revision)
        .append(" + 42 - f0(x) - f39(x); }\n");
    return sb.toString();
  }

  static String matrix() {
    return """
        include:
          - build-type: ''
            cuda-major-version: ""
            cuda-minor-version: ""
            platforms: 'linux/amd64'
            platform-tag: 'amd64'
            tag-latest: 'auto'
            tag-suffix: '-cpu-tinypy'
            runs-on: 'ubuntu-latest'
            base-image: "strata/debian:bookworm"
            skip-drivers: 'false'
            backend: "tinypy"
            dockerfile: "./backend/Dockerfile.python"
            context: "./"
            ubuntu-version: '2404'
          - build-type: ''
            cuda-major-version: ""
            cuda-minor-version: ""
            platforms: 'linux/amd64'
            tag-latest: 'auto'
            tag-suffix: '-cpu-llama-cpp'
            runs-on: 'ubuntu-latest'
            base-image: "strata/debian:bookworm"
            builder-base-image: "<cache repository>:base-grpc-amd64"
            skip-drivers: 'false'
            backend: "llama-cpp"
            dockerfile: "./backend/Dockerfile.llama-cpp"
            context: "./"
            ubuntu-version: '2404'
        includeDarwin: []
        """;
  }

  /** Writes {@code files} (path to content) and commits them. */
  public CommitSha commit(String message, Map<String, String> files) {
    try {
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path p = dir.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue());
      }
      git.add().addFilepattern(".").call();
      PersonIdent who = new PersonIdent("Strata Test", "test@strata.dev");
      RevCommit c = git.commit().setMessage(message).setAuthor(who).setCommitter(who).call();
      return CommitSha.parse(c.getName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    git.close();
  }
}
