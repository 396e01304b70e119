package dev.strata.domain.leg.model;

import static dev.strata.domain.leg.model.LegPlans.masterPush;
import static dev.strata.domain.leg.model.LegPlans.plan;
import static dev.strata.domain.leg.model.LegPlans.pullRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.image.api.ImageRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineCommandsTest {
  private static final ImageRef ANCHOR =
      ImageRef.parse("quay.io/go-skynet/ci-cache:keepalive-1234-cpu-kokoro-arm64");

  @Test
  void pushLeg_buildsWithInlineCacheFromTheCacheRefUnderTheAnchorTag() {
    BuildInvocation inv =
        EngineCommands.build(
            plan(masterPush(), LocalAi.cpuKokoroArm64()),
            "/usr/bin/docker",
            List.of(ANCHOR),
            "/w/iid");

    assertThat(inv.env()).isEqualTo(Map.of("DOCKER_BUILDKIT", "1"));
    List<String> argv = inv.argv();
    assertThat(argv.subList(0, 7))
        .containsExactly(
            "/usr/bin/docker",
            "build",
            "--progress=plain",
            "--platform",
            "linux/arm64",
            "--file",
            "./backend/Dockerfile.python");
    assertThat(argv.subList(31, 37))
        .containsExactly(
            "--build-arg",
            "BUILDER_TARGET=builder-fromsource",
            "--build-arg",
            "BUILDKIT_INLINE_CACHE=1",
            "--cache-from",
            "quay.io/go-skynet/ci-cache:cache-cpu-kokoro-arm64");
    assertThat(argv.subList(argv.size() - 5, argv.size()))
        .containsExactly(
            "--tag",
            "quay.io/go-skynet/ci-cache:keepalive-1234-cpu-kokoro-arm64",
            "--iidfile",
            "/w/iid",
            "./");
    assertThat(argv).doesNotContain("--cache-to", "--output", "--push");
    assertThat(argv.stream().filter("--label"::equals)).hasSize(6);
  }

  @Test
  void pullRequest_readsTheCacheButEmbedsNoInlineCache() {
    List<String> argv =
        EngineCommands.build(
                plan(pullRequest(false), LocalAi.cpuKokoroArm64()),
                "/usr/bin/docker",
                List.of(),
                "/w/iid")
            .argv();

    assertThat(argv).doesNotContain("BUILDKIT_INLINE_CACHE=1", "--tag");
    assertThat(argv)
        .containsSequence("--cache-from", "quay.io/go-skynet/ci-cache:cache-cpu-kokoro-arm64");
  }

  @Test
  void pushAndRemove_areSingleDockerCommands() {
    assertThat(EngineCommands.push("/usr/bin/docker", ANCHOR).argv())
        .containsExactly("/usr/bin/docker", "push", ANCHOR.toString());
    assertThat(EngineCommands.removeTags("/usr/bin/docker", List.of(ANCHOR)).argv())
        .containsExactly("/usr/bin/docker", "image", "rm", ANCHOR.toString());
  }
}
