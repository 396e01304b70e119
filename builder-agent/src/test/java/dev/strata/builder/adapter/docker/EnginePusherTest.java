package dev.strata.builder.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.runtime.registry.Credential;
import dev.strata.runtime.registry.RegistryCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnginePusherTest {
  private final EnginePusher pusher =
      new EnginePusher(
          new EngineSocket(Path.of("/nonexistent.sock")),
          RegistryCredentials.of(Map.of("quay.io", new Credential("go-skynet+ci", "s3cret"))),
          new ObjectMapper());

  private static String decode(String header) {
    return new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
  }

  @Test
  void registryAuth_carriesTheHostsCredential_asTheCliSendsIt() {
    assertThat(decode(pusher.auth("quay.io")))
        .isEqualTo(
            "{\"username\":\"go-skynet+ci\",\"password\":\"s3cret\",\"serveraddress\":\"quay.io\"}");
  }

  @Test
  void registryAuth_isAnEmptyObject_forARegistryWithoutCredential() {
    assertThat(decode(pusher.auth("127.0.0.1:5000"))).isEqualTo("{}");
  }
}
