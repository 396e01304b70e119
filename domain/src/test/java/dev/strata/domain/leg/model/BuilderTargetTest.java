package dev.strata.domain.leg.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuilderTargetTest {

  @ParameterizedTest
  @CsvSource({
    "quay.io/go-skynet/ci-cache:base-grpc-amd64, builder-prebuilt",
    "quay.io/go-skynet/ci-cache:base-grpc-l4t-cuda-12-arm64, builder-prebuilt",
    "'', builder-fromsource",
  })
  void builderTarget_isPrebuiltIffBuilderBaseImageIsSet(String builderBase, String stage) {
    assertThat(BuilderTarget.of(builderBase).stage()).isEqualTo(stage);
  }
}
