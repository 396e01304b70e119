package dev.strata.gateway.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.runtime.config.StrataConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
}
