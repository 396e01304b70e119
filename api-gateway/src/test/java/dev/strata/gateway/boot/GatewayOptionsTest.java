package dev.strata.gateway.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.runtime.config.StrataConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayOptionsTest {

  @Test
  void lease_isFiveMinutesUnlessTheEnvironmentSetsIt() {
    GatewayOptions options = GatewayOptions.fromConfig(StrataConfig.defaults(), Map.of()).build();

    assertThat(options.lease()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void lease_comesFromStrataAgentLeaseSeconds() {
    GatewayOptions options =
        GatewayOptions.fromConfig(
                StrataConfig.defaults(), Map.of("STRATA_AGENT_LEASE_SECONDS", " 8 "))
            .build();

    assertThat(options.lease()).isEqualTo(Duration.ofSeconds(8));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "5s", "PT5S"})
  void lease_thatIsNotAPositiveWholeNumberOfSeconds_isRefusedNamingTheVariable(String raw) {
    assertThatThrownBy(
            () ->
                GatewayOptions.fromConfig(
                    StrataConfig.defaults(), Map.of("STRATA_AGENT_LEASE_SECONDS", raw)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "STRATA_AGENT_LEASE_SECONDS: got \""
                + raw
                + "\"; write a whole number of seconds of at least 1, e.g."
                + " STRATA_AGENT_LEASE_SECONDS=300");
  }
}
