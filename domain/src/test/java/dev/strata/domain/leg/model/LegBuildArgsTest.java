package dev.strata.domain.leg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.LinuxEntry;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LegBuildArgsTest {

  static Stream<Arguments> legs() {
    return Stream.of(
        Arguments.of(
            "cuda 12 llama-cpp on bigger-runner, ISO week",
            LocalAi.cuda12LlamaCpp(),
            WeekKeyStyle.ISO,
            """
            BUILD_TYPE=cublas
            SKIP_DRIVERS=false
            CUDA_MAJOR_VERSION=12
            CUDA_MINOR_VERSION=8
            BASE_IMAGE=ubuntu:24.04
            BACKEND=llama-cpp
            UBUNTU_VERSION=2404
            AMDGPU_TARGETS=gfx908,gfx90a,gfx942,gfx950,gfx1030,gfx1100,gfx1101,gfx1102,gfx1151,gfx1200,gfx1201
            APT_MIRROR=http://mirrors.edge.kernel.org
            APT_PORTS_MIRROR=
            DEPS_REFRESH=2025-W01
            BUILDER_BASE_IMAGE=quay.io/go-skynet/ci-cache:base-grpc-cuda-12-amd64
            BUILDER_TARGET=builder-prebuilt"""),
        Arguments.of(
            "cpu kokoro arm64 on ubuntu-24.04-arm, calendar-year week",
            LocalAi.cpuKokoroArm64(),
            WeekKeyStyle.CALENDAR_YEAR,
            """
            BUILD_TYPE=
            SKIP_DRIVERS=true
            CUDA_MAJOR_VERSION=
            CUDA_MINOR_VERSION=
            BASE_IMAGE=ubuntu:24.04
            BACKEND=kokoro
            UBUNTU_VERSION=2404
            AMDGPU_TARGETS=gfx908,gfx90a,gfx942,gfx950,gfx1030,gfx1100,gfx1101,gfx1102,gfx1151,gfx1200,gfx1201
            APT_MIRROR=http://azure.archive.ubuntu.com
            APT_PORTS_MIRROR=http://azure.ports.ubuntu.com
            DEPS_REFRESH=2024-W01
            BUILDER_BASE_IMAGE=
            BUILDER_TARGET=builder-fromsource"""),
        Arguments.of(
            "explicit amdgpu-targets",
            LocalAi.with(LocalAi.cuda12Vllm(), "amdgpu-targets", "gfx1100"),
            WeekKeyStyle.ISO,
            """
            BUILD_TYPE=cublas
            SKIP_DRIVERS=false
            CUDA_MAJOR_VERSION=12
            CUDA_MINOR_VERSION=8
            BASE_IMAGE=ubuntu:24.04
            BACKEND=vllm
            UBUNTU_VERSION=2404
            AMDGPU_TARGETS=gfx1100
            APT_MIRROR=http://azure.archive.ubuntu.com
            APT_PORTS_MIRROR=http://azure.ports.ubuntu.com
            DEPS_REFRESH=2025-W01
            BUILDER_BASE_IMAGE=
            BUILDER_TARGET=builder-fromsource"""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legs")
  void buildArgs_inLocalAiOrder(
      String name, LinuxEntry entry, WeekKeyStyle style, String expected) {
    LegBuildArgs.Context ctx =
        new LegBuildArgs.Context(
            LocalAi.APT.forRunner(RunnerClass.of(entry.runsOn())),
            style.keyOf(LocalDate.of(2024, 12, 30)),
            LocalAi.DEFAULT_AMDGPU_TARGETS);

    assertThat(LegBuildArgs.of(entry, ctx))
        .map(BuildArg::toString)
        .containsExactly(expected.split("\n"));
  }

  @Test
  void targetArch_isNeverPassed() {
    LegBuildArgs.Context ctx =
        new LegBuildArgs.Context(
            LocalAi.APT.hosted(),
            WeekKeyStyle.ISO.keyOf(LocalDate.of(2026, 8, 22)),
            LocalAi.DEFAULT_AMDGPU_TARGETS);

    assertThat(LegBuildArgs.of(LocalAi.cpuKokoroArm64(), ctx))
        .extracting(BuildArg::name)
        .doesNotContain("TARGETARCH")
        .hasSize(13);
  }

  @Test
  void badBuildArgName_isRefusedAndQuoted() {
    assertThatThrownBy(() -> new BuildArg("BUILD TYPE", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"BUILD TYPE\"");
  }
}
