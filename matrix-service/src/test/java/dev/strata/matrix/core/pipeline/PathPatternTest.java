package dev.strata.matrix.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Glob, regex and suffix patterns as the profile writes them (GitHub's glob semantics). */
class PathPatternTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "gallery/**, gallery/index.yaml, true",
    "gallery/**, gallery/a/b/c.yaml, true",
    "gallery/**, galleryx/a.yaml, false",
    "docs/**, docs/content/index.md, true",
    "docs/**, core/docs/a.txt, false",
    "**/*.md, README.md, true",
    "**/*.md, backend/python/vllm/README.md, true",
    "**/*.md, notes.mdx, false",
    "backend/cpp/**, backend/cpp/llama-cpp/Makefile, true",
    "backend/cpp/**, backend/Dockerfile.llama-cpp, false",
    "*.go, main.go, true",
    "*.go, cmd/main.go, false",
    "backend/?o/**, backend/go/x, true",
    ".docker/install-base-deps.sh, .docker/install-base-deps.sh, true",
    ".docker/install-base-deps.sh, .docker/install-base-depsXsh, false",
    "'regex:^(gallery/|docs/|examples/)', examples/chat/main.py, true",
    "'regex:^(gallery/|docs/|examples/)', core/examples/x, false",
    "'regex:^(gallery/|docs/|examples/)', documentation/x.txt, false",
    "suffix:.md, docs.md, true",
    "suffix:.md, a.md.txt, false",
  })
  void matches_likeGitHubsFilters(String pattern, String path, boolean expected) {
    assertThat(PathPattern.parse(pattern).matches(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"'regex:(docs'", "''", "suffix:"})
  void invalidPattern_isRejectedQuotingIt(String raw) {
    assertThatThrownBy(() -> PathPattern.parse(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid path pattern \"" + raw + "\"");
  }
}
