package dev.strata.builder.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.builder.port.BuildOutcome;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.leg.api.StepStats.BuildStep;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegBuilderTest {
  private static final String COMPILE =
      "[builder-prebuilt 3/3] RUN --mount=type=cache,target=/root/.ccache,"
          + "id=llama-cpp-ccache-amd64-,sharing=locked cd /src && sh /compile.sh";

  private static BuildOutcome outcome(BuildStep... steps) {
    return new BuildOutcome(
        Optional.empty(),
        List.of(),
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        new StepStats(List.of(steps)),
        List.of());
  }

  @Test
  void theCacheMountIsSaved_onlyWhenAStepUsingOneRan() {
    assertThat(LegBuilder.ranACacheMountStep(outcome(new BuildStep(COMPILE, false, 900, null))))
        .isTrue();
    assertThat(
            LegBuilder.ranACacheMountStep(
                outcome(
                    new BuildStep(COMPILE, true, 0, null),
                    new BuildStep(
                        "[stage-1 1/1] COPY --from=builder /src/out/ /", false, 10, null))))
        .isFalse();
  }
}
