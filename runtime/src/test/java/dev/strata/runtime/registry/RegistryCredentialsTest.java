package dev.strata.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryCredentialsTest {

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void dockerConfig_authsDecodeToUserAndPassword_perHost(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        "{\"auths\":{"
            + "\"quay.io\":{\"auth\":\""
            + b64("go-skynet+ci:s3cr:et")
            + "\"},"
            + "\"https://index.docker.io/v1/\":{\"auth\":\""
            + b64("localai:hub-token")
            + "\"},"
            + "\"127.0.0.1:5000\":{\"username\":\"u\",\"password\":\"p\"},"
            + "\"ghcr.io\":{}"
            + "},\"credsStore\":\"desktop\"}");

    RegistryCredentials credentials = RegistryCredentials.fromDockerConfig(config);

    assertThat(credentials.forHost("quay.io")).contains(new Credential("go-skynet+ci", "s3cr:et"));
    assertThat(credentials.forHost("docker.io")).contains(new Credential("localai", "hub-token"));
    assertThat(credentials.forHost("127.0.0.1:5000")).contains(new Credential("u", "p"));
    assertThat(credentials.forHost("ghcr.io")).isEmpty();
  }

  @Test
  void dockerConfig_badBase64_namesTheHostAndFileButNoSecret(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(config, "{\"auths\":{\"quay.io\":{\"auth\":\"%%not-base64%%\"}}}");

    assertThatThrownBy(() -> RegistryCredentials.fromDockerConfig(config))
        .hasMessageContaining("quay.io")
        .hasMessageContaining(config.toString())
        .hasMessageContaining("write base64(user:password)")
        .hasMessageNotContaining("%%not-base64%%");
  }

  @Test
  void credential_toStringHidesThePassword() {
    Credential credential = new Credential("bot", "hunter2");

    assertThat(credential.toString()).contains("bot").doesNotContain("hunter2");
    assertThat(RegistryCredentials.of(Map.of("quay.io", credential)).toString())
        .doesNotContain("hunter2");
  }

  @ParameterizedTest
  @CsvSource({
    "https://index.docker.io/v1/, docker.io",
    "registry-1.docker.io, docker.io",
    "https://quay.io, quay.io",
    "Quay.IO, quay.io",
    "127.0.0.1:5000, 127.0.0.1:5000",
    "http://localhost:5001/v2/, localhost:5001"
  })
  void normalizeHost_reducesDockerConfigKeysToHosts(String key, String host) {
    assertThat(RegistryCredentials.normalizeHost(key)).isEqualTo(host);
  }
}
