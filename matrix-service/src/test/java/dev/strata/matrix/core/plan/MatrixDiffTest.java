package dev.strata.matrix.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.matrix.api.Matrix;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.matrix.FakeInputs;
import dev.strata.matrix.Fixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DOMAIN.md 3.7: per-entry matrix diff by identity key and order-independent fingerprint. */
class MatrixDiffTest {
  private static final String MATRIX = ".github/backend-matrix.yml";

  private static LinuxEntry with(LinuxEntry e, String field, Scalar value) {
    Map<String, Scalar> f = new LinkedHashMap<>(e.fields());
    f.put(field, value);
    return new LinuxEntry(f);
  }

  private static PlanResult diff(Matrix before, Matrix after) {
    FakeInputs in = new FakeInputs(after).files(MATRIX);
    in.previous = before;
    return Plans.plan(Plans.push(), in);
  }

  private static final LinuxEntry VLLM = Fixtures.linux("-gpu-vllm", "", "vllm", "python");
  private static final LinuxEntry WHISPER_AMD =
      Fixtures.linux("-cpu-whisper", "amd64", "whisper", "golang");
  private static final LinuxEntry WHISPER_ARM =
      Fixtures.linux("-cpu-whisper", "arm64", "whisper", "golang");

  @Test
  void typeChange_quotedTwelveToBareTwelve_isAChange() {
    Matrix before =
        new Matrix(List.of(with(VLLM, "cuda-major-version", Scalar.string("12"))), List.of());
    Matrix after =
        new Matrix(
            List.of(with(VLLM, "cuda-major-version", new Scalar(Scalar.Kind.INTEGER, "12"))),
            List.of());

    assertThat(diff(before, after).decision().linuxSelected()).isEqualTo(1);
  }

  @Test
  void keyOrder_doesNotMatter() {
    Map<String, Scalar> reversed = new LinkedHashMap<>();
    List<String> keys = List.copyOf(VLLM.fields().keySet());
    for (int i = keys.size() - 1; i >= 0; i--) {
      reversed.put(keys.get(i), VLLM.fields().get(keys.get(i)));
    }
    Matrix before = new Matrix(List.of(VLLM), List.of());
    Matrix after = new Matrix(List.of(new LinuxEntry(reversed)), List.of());

    assertThat(diff(before, after).decision().linuxSelected()).isZero();
  }

  @Test
  void removedEntry_contributesNothing_andANewLegRebuildsOnlyThatLeg() {
    Matrix before = new Matrix(List.of(VLLM, WHISPER_AMD), List.of());
    Matrix after = new Matrix(List.of(WHISPER_AMD, WHISPER_ARM), List.of());

    PlanResult result = diff(before, after);

    assertThat(result.decision().linuxSelected()).isEqualTo(1);
    assertThat(Plans.outputs(result).get("matrix-multiarch"))
        .contains("\"platform-tag\":\"arm64\"")
        .doesNotContain("amd64");
  }

  @Test
  void darwinEntries_areDiffedSeparately() {
    DarwinEntry mlx = Fixtures.darwin("mlx", null);
    DarwinEntry whisper = Fixtures.darwin("whisper", "go");
    Matrix before = new Matrix(List.of(VLLM), List.of(mlx));
    Matrix after = new Matrix(List.of(VLLM), List.of(mlx, whisper));

    PlanResult result = diff(before, after);

    assertThat(result.decision().linuxSelected()).isZero();
    assertThat(result.decision().darwinSelected()).isEqualTo(1);
    assertThat(Plans.outputs(result))
        .containsEntry("whisper", "true")
        .containsEntry("mlx", "false");
  }

  @Test
  void unavailablePreviousRevision_selectsEveryMappableEntryOnBothOses_withoutRunAll() {
    Matrix matrix =
        new Matrix(
            List.of(VLLM, Fixtures.linux("-odd", "", "odd", "unknown")),
            List.of(Fixtures.darwin("mlx", null)));
    FakeInputs in = new FakeInputs(matrix).files(MATRIX);

    PlanResult result = Plans.plan(Plans.push(), in);

    assertThat(result.decision().previousMatrixAvailable()).isFalse();
    assertThat(result.decision().linuxSelected()).isEqualTo(1);
    assertThat(result.decision().darwinSelected()).isEqualTo(1);
    assertThat(Plans.outputs(result)).containsEntry("run-all", "false");
  }

  @Test
  void pullRequest_readsThePreviousMatrixAtTheBaseSha_andAZeroBaseIsUnavailable() {
    Matrix matrix = new Matrix(List.of(VLLM), List.of());
    FakeInputs in = new FakeInputs(matrix).files(MATRIX);
    in.previous = matrix;

    PlanResult pr = Plans.plan(Plans.pullRequest(), in);
    assertThat(in.previousRefs).containsExactly(Plans.BEFORE);
    assertThat(pr.decision().linuxSelected()).isZero();

    PlanResult zeroBase =
        Plans.plan(new GitHubEvent(null, null, null, true, Plans.ZERO, Plans.AFTER), in);
    assertThat(zeroBase.decision().previousMatrixAvailable()).isFalse();
    assertThat(zeroBase.decision().linuxSelected()).isEqualTo(1);
  }

  @Test
  void matrixPathNotInTheList_neverReadsThePreviousRevision() {
    FakeInputs in = new FakeInputs(new Matrix(List.of(VLLM), List.of())).files("README.md");

    Plans.plan(Plans.push(), in);

    assertThat(in.previousRefs).isEmpty();
  }
}
