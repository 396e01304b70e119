package dev.strata.builder.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheMountIdsTest {
  private static final String DOCKERFILE =
      "FROM ${BUILDER_BASE_IMAGE} AS builder-prebuilt\n"
          + "RUN --mount=type=bind,source=.docker/x.sh,target=/x.sh true\n"
          + "RUN --mount=type=cache,target=/root/.ccache,"
          + "id=llama-cpp-ccache-${TARGETARCH}-${BUILD_TYPE},sharing=locked \\\n"
          + "    sh /compile.sh\n";
  private static final Map<String, String> VARS =
      Map.of("TARGETARCH", "amd64", "BUILD_TYPE", "cublas");

  // dockerd 20.10 keys the mount by the id text as written
  @Test
  void aBuilderThatDoesNotExpand_usesTheIdAsWritten() {
    assertThat(CacheMountIds.builderKey(DOCKERFILE, "llama-cpp-ccache-amd64-cublas", VARS, false))
        .isEqualTo("llama-cpp-ccache-${TARGETARCH}-${BUILD_TYPE}");
  }

  @Test
  void aBuilderThatExpands_usesTheMountId() {
    assertThat(CacheMountIds.builderKey(DOCKERFILE, "llama-cpp-ccache-amd64-cublas", VARS, true))
        .isEqualTo("llama-cpp-ccache-amd64-cublas");
  }

  @Test
  void anIdNoMountExpandsTo_fallsBackToTheMountId() {
    assertThat(CacheMountIds.builderKey(DOCKERFILE, "ds4-ccache-amd64-", VARS, false))
        .isEqualTo("ds4-ccache-amd64-");
  }

  @Test
  void expand_replacesBracedAndBareNames_unknownAsEmpty() {
    assertThat(CacheMountIds.expand("a-${TARGETARCH}-$BUILD_TYPE-${NOPE}", VARS))
        .isEqualTo("a-amd64-cublas-");
  }
}
