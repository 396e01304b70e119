package dev.strata.gateway.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.runtime.config.StrataConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayOptionsTest {
  private static final StrataConfig WITH_SECRET =
      StrataConfig.defaults()
          .withGithub(new StrataConfig.Github(Optional.of("secret-from-strata-yml")));

  @Test
  void webhookSecret_comesFromGithubWebhookSecret() {
    GatewayOptions options = GatewayOptions.fromConfig(WITH_SECRET, Map.of()).build();

    assertThat(options.webhookSecret()).isEqualTo("secret-from-strata-yml");
    assertThat(options.toString()).doesNotContain("secret-from-strata-yml");
  }

  @Test
  void webhookSecretVariable_winsOverTheConfigKey() {
    GatewayOptions options =
        GatewayOptions.fromConfig(
                WITH_SECRET, Map.of(GatewayOptions.WEBHOOK_SECRET_VARIABLE, "secret-from-env"))
            .build();

    assertThat(options.webhookSecret()).isEqualTo("secret-from-env");
  }

  @Test
  void profileSchedules_areFiredFromTheConfiguredProfile() {
    StrataConfig config =
        StrataConfig.defaults()
            .withProfile(Optional.of(Path.of("..", "profiles", "localai.yml").toAbsolutePath()));

    GatewayOptions options = GatewayOptions.fromConfig(config, Map.of()).build();

    assertThat(options.schedules())
        .extracting(s -> s.name())
        .containsExactly("backends-weekly", "base-images-weekly");
  }

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
