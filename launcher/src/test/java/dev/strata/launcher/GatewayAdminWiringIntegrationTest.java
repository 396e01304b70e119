package dev.strata.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.runtime.config.StrataConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher wires the gateway's admin ports: {@code GET /v1/audit} answers the real audit of the
 * process's event store; without merge settings {@code DELETE /v1/cache/{ref}} says what to
 * configure.
 */
class GatewayAdminWiringIntegrationTest {
  private static final String ADMIN = "admin-token-for-wiring-test";

  @TempDir Path dir;

  @Test
  void audit_isTheAuditOfTheEventStore_andCacheEvictionNeedsTheMergeSettings() throws Exception {
    StrataConfig config =
        StrataConfig.defaults()
            .withDataDir(dir)
            .withHttp(new StrataConfig.Http("127.0.0.1", 0))
            .withTokens(
                new StrataConfig.Tokens(Optional.empty(), Optional.empty(), Optional.of(ADMIN)));
    try (Roles.Running running = Roles.start(config, List.of(Roles.GATEWAY), null)) {
      String base = running.endpoints.get(0).replace("gateway: ", "").replaceAll("/$", "");
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> audit =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/v1/audit"))
                  .header("Authorization", "Bearer " + ADMIN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(audit.statusCode()).as(audit.body()).isEqualTo(200);
      JsonNode report = new ObjectMapper().readTree(audit.body());
      List<String> keys = new ArrayList<>();
      report.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).contains("query", "rules", "log", "invariants", "violations", "cacheRefs");

      HttpResponse<String> evict =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/v1/cache/127.0.0.1%3A5000%2Fci-cache%3Acache-cpu"))
                  .header("Authorization", "Bearer " + ADMIN)
                  .DELETE()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(evict.statusCode()).isEqualTo(503);
      assertThat(evict.body()).contains("merge.yml");
    }
  }
}
