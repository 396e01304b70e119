package dev.strata.builder.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.leg.api.StepStats.BuildStep;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainProgressTest {
  // captured from dockerd 20.10.24 (DOCKER_BUILDKIT=1 docker build --progress=plain)
  private static final List<String> COLD =
      List.of(
          "#1 [internal] load build definition from Dockerfile",
          "#1 sha256:7739d77261c6e18f873eb0e47626f7a35504f755b7fae099df51a5d29fa1c6d8",
          "#1 transferring dockerfile: 273B done",
          "#1 DONE 0.0s",
          "",
          "#4 importing cache manifest from 127.0.0.1:5000/bxtest/cache:c1",
          "#4 sha256:2a2668c55b9bfbe5fa30aaef33091346bf2bd908a10067830be8a0dcac87360a",
          "#4 ERROR: 127.0.0.1:5000/bxtest/cache:c1: not found",
          "",
          "#11 [build 1/5] FROM docker.io/strata/debian:bookworm",
          "#11 sha256:102b7b2d97559d1a7aa050e5139e29b8b00af3b1b7e0ead623099ec79020d696",
          "#11 CACHED",
          "",
          "#5 [build 2/5] RUN echo one > /one",
          "#5 sha256:e34d3183edfbadce241959695f73993844e270aaa7bf6b6717f945be51a6625c",
          "#5 DONE 0.5s",
          "",
          "#8 [build 4/5] RUN make",
          "#8 0.262 Cacheable calls:    3 / 3 (100.0%)",
          "#5 [build 2/5] RUN echo one > /one",
          "#8 0.263   Hits:             2 / 3 (66.67%)",
          "#8 DONE 1.25s",
          "",
          "#12 exporting to image",
          "#12 exporting layers done",
          "#12 DONE 0.0s");

  @Test
  void steps_areTheDockerfileInstructionsButFrom_inFirstReportedOrder() {
    PlainProgress p = feed(COLD);

    assertThat(p.steps())
        .isEqualTo(
            new StepStats(
                List.of(
                    new BuildStep("[build 2/5] RUN echo one > /one", false, 500, null),
                    new BuildStep("[build 4/5] RUN make", false, 1250, null))));
    assertThat(p.steps().cachedCount()).isZero();
    assertThat(p.steps().executedCount()).isEqualTo(2);
  }

  @Test
  void aCacheImportThatFailed_isNotReportedAsRead() {
    assertThat(feed(COLD).cacheRefsRead()).isEmpty();
    PlainProgress ok =
        feed(
            List.of(
                "#4 importing cache manifest from 127.0.0.1:5000/ns/cache:cache-cpu-x-amd64",
                "#4 sha256:2a2668c55b9bfbe5fa30aaef33091346bf2bd908a10067830be8a0dcac87360a",
                "#4 DONE 0.1s"));
    assertThat(ok.cacheRefsRead()).containsExactly("127.0.0.1:5000/ns/cache:cache-cpu-x-amd64");
  }

  @Test
  void stepOutput_dropsTheTimestampsAndKeepsOnlyStepLines() {
    assertThat(feed(COLD).stepOutput())
        .containsExactly(
            "Cacheable calls:    3 / 3 (100.0%)", "  Hits:             2 / 3 (66.67%)");
  }

  @Test
  void aFailingStep_isNamedWithItsError_andANonStepErrorIsNot() {
    PlainProgress p =
        feed(
            List.of(
                "#4 importing cache manifest from r:5000/a/b:c",
                "#4 ERROR: r:5000/a/b:c: not found",
                "#7 [builder 5/5] RUN sh build.sh",
                "#7 0.301 boom: tests failed",
                "#7 ERROR: executor failed running [/bin/sh -c sh build.sh]: exit code: 3",
                "------",
                " > [builder 5/5] RUN sh build.sh:",
                "------",
                "executor failed running [/bin/sh -c sh build.sh]: exit code: 3"));

    assertThat(p.failedStep())
        .map(PlainProgress.Vertex::name)
        .contains("[builder 5/5] RUN sh build.sh");
    assertThat(p.failedStep())
        .map(PlainProgress.Vertex::error)
        .contains("executor failed running [/bin/sh -c sh build.sh]: exit code: 3");
    assertThat(p.steps().steps()).singleElement().extracting(BuildStep::cached).isEqualTo(false);
    assertThat(p.trailer())
        .last()
        .isEqualTo("executor failed running [/bin/sh -c sh build.sh]: exit code: 3");
  }

  @Test
  void accept_saysWhenAStepStartsAndFinishes() {
    PlainProgress p = new PlainProgress();

    assertThat(p.accept("#3 [internal] load metadata")).isEqualTo(PlainProgress.Change.NONE);
    assertThat(p.accept("#5 [stage-1 1/1] COPY --from=build /b /b"))
        .isEqualTo(PlainProgress.Change.STEP_STARTED);
    assertThat(p.runningStep()).contains("[stage-1 1/1] COPY --from=build /b /b");
    assertThat(p.accept("#5 DONE 0.0s")).isEqualTo(PlainProgress.Change.STEP_FINISHED);
    assertThat(p.runningStep()).isEmpty();
  }

  private static PlainProgress feed(List<String> lines) {
    PlainProgress p = new PlainProgress();
    lines.forEach(p::accept);
    return p;
  }
}
