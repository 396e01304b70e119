package dev.strata.domain.image.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.Trigger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrTestTagsTest {
  private static final ImageRef CI_TESTS = ImageRef.of("quay.io/go-skynet/ci-tests");
  private static final Repository REPO = Repository.parse("mudler/LocalAI");
  private static final CommitSha MERGE = new CommitSha("1a2b3c4" + "f".repeat(33));
  private static final CommitSha BASE = new CommitSha("b".repeat(40));
  private static final CommitSha HEAD = new CommitSha("c".repeat(40));

  // DOMAIN.md 4.7: sha-<7 of merge sha> directly followed by <PR>-<backend>-<bt>-<maj>-<min>.
  @ParameterizedTest(name = "{1} {2} {3}.{4}")
  @CsvSource(
      delimiter = '|',
      value = {
        "11000|vllm|cublas|12|8|quay.io/go-skynet/ci-tests:sha-1a2b3c411000-vllm-cublas-12-8",
        "11000|vllm|''|''|''|quay.io/go-skynet/ci-tests:sha-1a2b3c411000-vllm---",
        "7|llama-cpp|sycl_f16|''|''|quay.io/go-skynet/ci-tests:sha-1a2b3c47-llama-cpp-sycl_f16--",
        "42|my backend|hip+blas|13|0|quay.io/go-skynet/ci-tests:sha-1a2b3c442-my-backend-hip-blas-13-0",
      })
  void prTag_isShaFollowedByPerTagSuffix(
      int pr, String backend, String buildType, String major, String minor, String expected) {
    Trigger trigger = Trigger.pullRequest(REPO, pr, BASE, HEAD, MERGE, false);

    assertThat(PrTestTags.forLeg(CI_TESTS, trigger, entry(backend, buildType, major, minor)))
        .map(ImageRef::toString)
        .containsExactly(expected);
  }

  @Test
  void prTag_usesHeadShaWhenNoMergeCommitIsKnown() {
    Trigger trigger = Trigger.pullRequest(REPO, 5, BASE, HEAD, null, true);

    assertThat(PrTestTags.forLeg(CI_TESTS, trigger, entry("vllm", "cublas", "12", "8")))
        .map(ImageRef::tag)
        .containsExactly("sha-ccccccc5-vllm-cublas-12-8");
  }

  @Test
  void nonPullRequest_isRefused() {
    Trigger push = Trigger.push(REPO, "master", BASE, HEAD, false);

    assertThatThrownBy(() -> PrTestTags.forLeg(CI_TESTS, push, entry("vllm", "", "", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PUSH");
  }

  static LinuxEntry entry(String backend, String buildType, String major, String minor) {
    Map<String, Scalar> f = new LinkedHashMap<>();
    f.put("build-type", Scalar.string(buildType));
    f.put("cuda-major-version", Scalar.string(major));
    f.put("cuda-minor-version", Scalar.string(minor));
    f.put("backend", Scalar.string(backend));
    return new LinuxEntry(f);
  }
}
