package dev.strata.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.runtime.config.StrataConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPlatformTest {
  @TempDir Path dir;

  private StrataConfig config() {
    return StrataConfig.defaults()
        .withDataDir(dir.resolve("data"))
        .withHttp(new StrataConfig.Http("127.0.0.1", 0))
        .withTokens(
            new StrataConfig.Tokens(
                Optional.of("ci-token"), Optional.of("agent-token"), Optional.of("admin-token")));
  }

  @Test
  void withoutProfileOrMergeSettings_runsTheGatewayOnly_onAFreePortThatAnswers() throws Exception {
    try (EmbeddedPlatform platform = EmbeddedPlatform.builder(config()).start()) {
      assertThat(platform.roles()).containsExactly("gateway");
      URI runs = platform.gateway().resolve("/v1/runs");
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(runs).header("Authorization", "Bearer ci-token").build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(platform.gateway().getPort()).isPositive();
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
  }

  @Test
  void withProfileAndRepository_runsTheMatrixRoleToo() throws Exception {
    try (EmbeddedPlatform platform =
        EmbeddedPlatform.builder(config())
            .profile(dir.resolve("profile.yml"))
            .repository(dir.resolve("repo"))
            .start()) {
      assertThat(platform.roles()).containsExactly("gateway", "matrix");
    }
  }

  @Test
  void aRequestedRoleWithoutItsSettings_isRefusedNamingWhatIsMissing() {
    assertThatThrownBy(() -> EmbeddedPlatform.builder(config()).roles(List.of("merge")).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("merge role cannot run");
  }

  @Test
  void aPlatformWithoutGateway_saysSoWhenAskedForIt() throws Exception {
    try (EmbeddedPlatform platform =
        EmbeddedPlatform.builder(config())
            .profile(dir.resolve("profile.yml"))
            .repository(dir.resolve("repo"))
            .roles(List.of("matrix"))
            .start()) {
      assertThatThrownBy(platform::gateway)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("runs no gateway");
    }
  }
}
