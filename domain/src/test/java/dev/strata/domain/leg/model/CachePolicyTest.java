package dev.strata.domain.leg.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.trigger.api.TriggerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CachePolicyTest {
  private static final CacheRef REF =
      CacheRef.parse("quay.io/go-skynet/ci-cache:cache-cpu-faster-whisper-amd64");

  // DOMAIN.md 1.1: cache-from on every trigger, cache-to on every trigger but pull_request.
  @ParameterizedTest
  @CsvSource({
    "PUSH, true",
    "TAG_PUSH, true",
    "SCHEDULE, true",
    "WORKFLOW_DISPATCH, true",
    "PULL_REQUEST, false"
  })
  void cacheIsAlwaysReadAndWrittenOutsidePullRequests(TriggerKind kind, boolean writes) {
    CachePolicy.CacheAccess access = CachePolicy.forLeg(kind, REF);

    assertThat(access.cacheFrom())
        .isEqualTo("type=registry,ref=quay.io/go-skynet/ci-cache:cache-cpu-faster-whisper-amd64");
    assertThat(access.writes()).isEqualTo(writes);
    assertThat(CachePolicy.writesCache(kind)).isEqualTo(writes);
  }

  @Test
  void cacheTo_carriesModeMaxAndIgnoreError() {
    assertThat(CachePolicy.cacheTo(TriggerKind.PUSH, REF))
        .contains(
            "type=registry,ref=quay.io/go-skynet/ci-cache:cache-cpu-faster-whisper-amd64"
                + ",mode=max,ignore-error=true");
  }

  @Test
  void cacheTo_isOmittedForPullRequests() {
    assertThat(CachePolicy.cacheTo(TriggerKind.PULL_REQUEST, REF)).isEmpty();
  }

  @Test
  void singleArchRef_keepsTrailingDash() {
    CacheRef single = CacheRef.parse("quay.io/go-skynet/ci-cache:cache-gpu-nvidia-cuda-12-vllm-");

    assertThat(CachePolicy.cacheFrom(single))
        .isEqualTo("type=registry,ref=quay.io/go-skynet/ci-cache:cache-gpu-nvidia-cuda-12-vllm-");
  }
}
