package dev.strata.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
  private final RetryPolicy policy =
      new RetryPolicy(6, Duration.ofMillis(200), Duration.ofSeconds(2));

  @ParameterizedTest
  @CsvSource({"1, 200", "2, 400", "3, 800", "4, 1600", "5, 2000", "6, 2000"})
  void backoff_doublesUpToTheCap(int attempt, long millis) {
    assertThat(policy.backoff(attempt, null)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @CsvSource({"5000, 2000", "1000, 1000"})
  void backoff_honoursRetryAfterUpToTheCap(long retryAfterMillis, long expectedMillis) {
    assertThat(policy.backoff(1, Duration.ofMillis(retryAfterMillis)))
        .isEqualTo(Duration.ofMillis(expectedMillis));
  }
}
