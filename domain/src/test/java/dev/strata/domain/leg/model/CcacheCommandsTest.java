package dev.strata.domain.leg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CcacheCommandsTest {

  @Test
  void restore_extractsTheContextArchiveIntoTheMountOnEveryRun() {
    assertThat(CcacheCommands.restoreDockerfile("llama-cpp-ccache-amd64-", "ubuntu:24.04"))
        .isEqualTo(
            "FROM ubuntu:24.04 AS restore\n"
                + "ARG STRATA_NONCE\n"
                + "RUN --mount=type=cache,id=llama-cpp-ccache-amd64-,target=/cache,sharing=locked"
                + " --mount=type=bind,source=ccache.tar,target=/seed.tar"
                + " mkdir -p /strata && tar -C /cache -xf /seed.tar"
                + " && echo \"$STRATA_NONCE\" > /strata/restored\n"
                + "FROM scratch\n"
                + "COPY --from=restore /strata/restored /restored\n");
  }

  @Test
  void save_tarsTheMountIntoAScratchStage() {
    assertThat(CcacheCommands.saveDockerfile("llama-cpp-ccache-amd64-cublas", "ubuntu:24.04"))
        .isEqualTo(
            "FROM ubuntu:24.04 AS pack\n"
                + "ARG STRATA_NONCE\n"
                + "RUN --mount=type=cache,id=llama-cpp-ccache-amd64-cublas,target=/cache"
                + ",sharing=locked mkdir -p /out && tar -C /cache -cf /out/ccache.tar ."
                + " && echo \"$STRATA_NONCE\" > /out/nonce\n"
                + "FROM scratch\n"
                + "COPY --from=pack /out/ccache.tar /ccache.tar\n");
  }

  @Test
  void build_exportsToALocalDirectoryWithANonce() {
    BuildInvocation inv = CcacheCommands.build("/usr/bin/docker", "n1", "/w/out", "/w/ctx");

    assertThat(inv.argv())
        .containsExactly(
            "/usr/bin/docker",
            "build",
            "--progress=plain",
            "--build-arg",
            "STRATA_NONCE=n1",
            "--output",
            "type=local,dest=/w/out",
            "/w/ctx");
    assertThat(inv.env()).containsEntry("DOCKER_BUILDKIT", "1");
  }

  @Test
  void mountIdsThatCouldBreakTheRunLine_areRefused() {
    assertThatThrownBy(() -> CcacheCommands.saveDockerfile("x,target=/etc", "ubuntu:24.04"))
        .hasMessageContaining("Invalid cache mount key \"x,target=/etc\"");
  }

  // dockerd 20.10 keys mounts by the unexpanded id text (STACK-NOTES)
  @Test
  void anUnexpandedIdText_isAValidKey() {
    assertThat(
            CcacheCommands.saveDockerfile(
                "llama-cpp-ccache-${TARGETARCH}-${BUILD_TYPE}", "ubuntu:24.04"))
        .contains(
            "--mount=type=cache,id=llama-cpp-ccache-${TARGETARCH}-${BUILD_TYPE},target=/cache");
  }
}
