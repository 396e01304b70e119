package dev.strata.matrix.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.matrix.api.Matrix;
import dev.strata.matrix.FakeInputs;
import dev.strata.matrix.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DOMAIN.md 3.2 (fork rule), 3.4 (shared build inputs), 3.5 (Dockerfile rule) and 3.6 on LocalAI's
 * HEAD matrix: 457 Linux entries (178 Python, 233 Go), 62 Darwin (27 Python, 31 generic Go, 4
 * bespoke).
 */
class SharedInputRulesTest {
  private static final Matrix HEAD = Fixtures.matrix("backend-matrix.head.yml");

  private static PlanResult planFiles(String... files) {
    return Plans.plan(Plans.push(), new FakeInputs(HEAD).files(files));
  }

  @ParameterizedTest(name = "{0} -> {1} Linux, {2} Darwin, rules [{3}]")
  @CsvSource(
      delimiter = '|',
      value = {
        "backend/backend.proto | 457 | 62 | backend-proto",
        "backend/python/common/libbackend.sh | 178 | 27 | python-common",
        "backend/python/common/model_identity_test.py | 178 | 27 | python-common",
        "pkg/grpc/server.go | 233 | 31 | go-pkg",
        "pkg/utils/path.go | 233 | 31 | go-pkg",
        "pkg/grpc/server_test.go | 0 | 0 | ''",
        "pkg/model/loader.go | 0 | 0 | ''",
        "pkg/downloader/uri.go | 0 | 0 | ''",
        "pkg/storage/x.go | 0 | 0 | ''",
        "pkg/grpc.go | 0 | 0 | ''",
        ".github/workflows/backend_build.yml | 457 | 0 | backend-build-workflow",
        ".github/workflows/backend_build_darwin.yml | 0 | 62 | backend-build-darwin-workflow",
        "scripts/build/package-gpu-libs.sh | 457 | 0 | package-gpu-libs",
        "scripts/build/python-darwin.sh | 0 | 27 | python-darwin",
        "scripts/build/golang-darwin.sh | 0 | 31 | golang-darwin",
        "scripts/build/llama-cpp-darwin.sh | 0 | 1 | llama-cpp-darwin",
        "scripts/build/ds4-darwin.sh | 0 | 1 | ds4-darwin",
        "scripts/build/privacy-filter-darwin.sh | 0 | 1 | privacy-filter-darwin",
        "scripts/build/audio-cpp-darwin.sh | 457 | 62 | build-scripts",
        "scripts/build/healthcheck.sh | 457 | 62 | build-scripts",
        "scripts/build/package-system-libs.sh | 457 | 62 | build-scripts",
        "scripts/build/healthcheck_test.sh | 0 | 0 | ''",
        "scripts/build/package-gpu-libs_test.sh | 0 | 0 | ''",
        "backend/index.yaml | 0 | 0 | ''",
        "backend/Dockerfile.base-grpc-builder | 0 | 0 | ''",
        "Makefile | 0 | 0 | ''",
        ".docker/install-base-deps.sh | 0 | 0 | ''",
        ".github/workflows/backend.yml | 0 | 0 | ''",
        ".github/workflows/backend_pr.yml | 0 | 0 | ''",
        ".github/workflows/backend_merge.yml | 0 | 0 | ''",
        ".github/scripts/changed-backends.js | 0 | 0 | ''",
        "Scripts/build/healthcheck.sh | 0 | 0 | ''",
        "./scripts/build/healthcheck.sh | 0 | 0 | ''",
      })
  void changedFile_selectsWhatItsFirstMatchingRuleSays(
      String file, int linux, int darwin, String rules) {
    PlanResult result = planFiles(file);

    assertThat(result.decision().linuxSelected()).isEqualTo(linux);
    assertThat(result.decision().darwinSelected()).isEqualTo(darwin);
    assertThat(result.decision().firedRules())
        .containsExactlyElementsOf(rules.isEmpty() ? List.of() : List.of(rules));
  }

  @Test
  void rulesHitByDifferentFiles_combine() {
    PlanResult result =
        planFiles("scripts/build/golang-darwin.sh", "scripts/build/package-gpu-libs.sh");

    assertThat(result.decision().firedRules()).containsExactly("package-gpu-libs", "golang-darwin");
    assertThat(result.decision().linuxSelected()).isEqualTo(457);
    assertThat(result.decision().darwinSelected()).isEqualTo(31);
  }

  @ParameterizedTest(name = "{0} -> {1} Linux")
  @CsvSource({
    "backend/Dockerfile.python, 178",
    "backend/Dockerfile.golang, 233",
    "backend/Dockerfile.rust, 1",
    "backend/Dockerfile.ik-llama-cpp, 1",
    "./backend/Dockerfile.python, 0",
    "Dockerfile, 0",
  })
  void dockerfileEdit_selectsLinuxEntriesBuiltFromIt_neverDarwin(String file, int linux) {
    PlanResult result = planFiles(file);

    assertThat(result.decision().linuxSelected()).isEqualTo(linux);
    assertThat(result.decision().darwinSelected()).isZero();
  }

  @Test
  void llamaCppSources_alsoRebuildTheTurboquantAndBonsaiForks_onLinuxOnly() {
    PlanResult result = planFiles("backend/cpp/llama-cpp/grpc-server.cpp");

    // 11 llama-cpp + 10 turboquant + 11 bonsai Linux entries; Darwin llama-cpp by its own prefix
    assertThat(result.decision().linuxSelected()).isEqualTo(32);
    assertThat(result.decision().darwinSelected()).isEqualTo(1);
    assertThat(Plans.outputs(result))
        .containsEntry("llama-cpp", "true")
        .containsEntry("turboquant", "true")
        .containsEntry("bonsai", "true")
        .containsEntry("ik-llama-cpp", "false");
  }

  @Test
  void forkSources_doNotRebuildUpstream() {
    PlanResult result = planFiles("backend/cpp/turboquant/patch.diff");

    assertThat(result.decision().linuxSelected()).isEqualTo(10);
    assertThat(Plans.outputs(result)).containsEntry("llama-cpp", "false");
  }

  @Test
  void ikLlamaCpp_isNotAFork() {
    PlanResult result = planFiles("backend/cpp/ik-llama-cpp/Makefile");

    assertThat(result.decision().linuxSelected()).isEqualTo(1);
    assertThat(Plans.outputs(result)).containsEntry("llama-cpp", "false");
  }

  @Test
  void unmappedEntry_isNeverSelectedInFilteredMode_evenByAllRules_butIsInFullRuns() {
    Matrix matrix =
        new Matrix(
            List.of(
                Fixtures.linux("-cpu-a", "", "a", "python"),
                Fixtures.linux("-cpu-odd", "", "odd", "unknown"),
                Fixtures.linux("-cpu-b", "", "b", "python")),
            List.of());
    PlanResult filtered =
        Plans.plan(
            Plans.push(), new FakeInputs(matrix).files(".github/workflows/backend_build.yml"));
    PlanResult full =
        Plans.plan(
            new GitHubEvent("refs/tags/v1", Plans.BEFORE, Plans.AFTER, false, null, null),
            new FakeInputs(matrix));

    assertThat(Plans.outputs(filtered).get("matrix-singlearch-1"))
        .contains("-cpu-a")
        .doesNotContain("-cpu-odd");
    assertThat(Plans.outputs(filtered).get("matrix-singlearch-2")).contains("-cpu-b");
    assertThat(full.decision().linuxSelected()).isEqualTo(3);
    assertThat(Plans.outputs(full)).containsOnlyKeys(expectedKeys("a", "b"));
  }

  static List<String> expectedKeys(String... backends) {
    List<String> keys =
        new java.util.ArrayList<>(
            List.of(
                "run-all",
                "has-backends-multiarch",
                "has-backends-darwin",
                "has-merges-multiarch",
                "matrix-multiarch",
                "matrix-darwin",
                "merge-matrix-multiarch"));
    for (int n = 1; n <= 4; n++) {
      keys.add("has-backends-singlearch-" + n);
      keys.add("has-merges-singlearch-" + n);
      keys.add("matrix-singlearch-" + n);
      keys.add("merge-matrix-singlearch-" + n);
    }
    keys.addAll(List.of(backends));
    return keys;
  }
}
