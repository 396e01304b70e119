package dev.strata.matrix.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.matrix.FakeInputs;
import dev.strata.matrix.Fixtures;
import dev.strata.matrix.core.proto.ProtoShape;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The expectations of shared/fixtures/localai/README.md and DOMAIN.md 3.7 / 14. */
class FixtureExpectationsTest {

  @ParameterizedTest(name = "{0} -> {1}: {2} Linux, {3} Darwin")
  @CsvSource({
    "backend-matrix.2026-05-08.yml, backend-matrix.2026-05-09.yml, 107, 1, 271, 35",
    "backend-matrix.2026-05-09.yml, backend-matrix.2026-05-24.yml, 33, 0, 281, 35",
    "backend-matrix.2026-05-24.yml, backend-matrix.2026-08-07.yml, 177, 28, 457, 62",
    "backend-matrix.2026-08-07.yml, backend-matrix.head.yml, 1, 0, 457, 62",
  })
  void matrixEdit_rebuildsOnlyTheEntriesItChanged(
      String before, String after, int linux, int darwin, int linuxTotal, int darwinTotal) {
    FakeInputs in = new FakeInputs(Fixtures.matrix(after)).files(".github/backend-matrix.yml");
    in.previous = Fixtures.matrix(before);

    PlanResult result = Plans.plan(Plans.push(), in);

    assertThat(in.current.include()).hasSize(linuxTotal);
    assertThat(in.current.includeDarwin()).hasSize(darwinTotal);
    assertThat(result.exitCode()).isZero();
    assertThat(result.decision().linuxSelected()).isEqualTo(linux);
    assertThat(result.decision().darwinSelected()).isEqualTo(darwin);
    assertThat(Plans.outputs(result)).containsEntry("run-all", "false");
  }

  @Test
  void baseImageEdit_of_0807_selectsExactlyGpuIntelVllm() {
    FakeInputs in =
        new FakeInputs(Fixtures.matrix("backend-matrix.head.yml"))
            .files(".github/backend-matrix.yml");
    in.previous = Fixtures.matrix("backend-matrix.2026-08-07.yml");

    PlanResult result = Plans.plan(Plans.push(), in);

    PreparedMatrix head = new PreparedMatrix(in.current, Plans.LOCALAI.profile());
    PreparedMatrix before = new PreparedMatrix(in.previous, Plans.LOCALAI.profile());
    assertThat(MatrixDiff.changedKeys(before.linux, head.linux))
        .containsExactly("[\"-gpu-intel-vllm\",\"\"]");
    assertThat(MatrixDiff.changedKeys(before.darwin, head.darwin)).isEmpty();
    String selected =
        Plans.outputs(result).entrySet().stream()
            .filter(e -> e.getKey().startsWith("matrix-"))
            .map(Map.Entry::getValue)
            .filter(v -> !v.equals("{\"include\":[]}"))
            .reduce("", String::concat);
    assertThat(selected).contains("\"tag-suffix\":\"-gpu-intel-vllm\"");
  }

  @ParameterizedTest(name = "proto {0} -> {1}: additive={2}")
  @CsvSource({
    "backend.2026-03-13.proto, backend.2026-03-20.proto, false",
    "backend.2026-03-20.proto, backend.2026-03-21.proto, true",
    "backend.2026-03-21.proto, backend.head.proto, true",
    "backend.2026-03-13.proto, backend.head.proto, false",
    "backend.head.proto, backend.2026-03-21.proto, false",
  })
  void protoRevisions_classifyAsTheReadmeSays(String before, String after, boolean additive) {
    assertThat(ProtoShape.isAdditive(Fixtures.text(before), Fixtures.text(after)))
        .isEqualTo(additive);
  }

  @ParameterizedTest(name = "proto {0} -> {1}")
  @CsvSource({
    "backend.2026-03-13.proto, backend.2026-03-20.proto, 457, 62",
    "backend.2026-03-20.proto, backend.2026-03-21.proto, 0, 0",
  })
  void protoEdit_rebuildsEverythingOnlyWhenBreaking(
      String before, String after, int linux, int darwin) {
    FakeInputs in =
        new FakeInputs(Fixtures.matrix("backend-matrix.head.yml")).files("backend/backend.proto");
    in.previousProto = Fixtures.text(before);
    in.proto = Fixtures.text(after);

    PlanResult result = Plans.plan(Plans.push(), in);

    assertThat(result.decision().linuxSelected()).isEqualTo(linux);
    assertThat(result.decision().darwinSelected()).isEqualTo(darwin);
    assertThat(Plans.outputs(result)).containsEntry("run-all", "false");
  }
}
