package dev.strata.builder.adapter.noop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedImagePusherTest {

  @ParameterizedTest
  @CsvSource({
    "linux/amd64, '{\"architecture\":\"amd64\",\"config\":{\"Labels\":{\"dev.strata.noop\":\"true\"}},\"os\":\"linux\",\"rootfs\":{\"diff_ids\":[],\"type\":\"layers\"}}'",
    "linux/arm/v7, '{\"architecture\":\"arm\",\"config\":{\"Labels\":{\"dev.strata.noop\":\"true\"}},\"os\":\"linux\",\"variant\":\"v7\",\"rootfs\":{\"diff_ids\":[],\"type\":\"layers\"}}'"
  })
  void config_statesTheLegsPlatform(String platform, String expected) {
    assertThat(new String(SeedImagePusher.config(platform), StandardCharsets.UTF_8))
        .isEqualTo(expected);
  }

  @Test
  void config_ofAPlatformWithoutArchitecture_isRefused() {
    assertThatThrownBy(() -> SeedImagePusher.config("linux"))
        .hasMessage("Invalid platform \"linux\": expected os/architecture, e.g. linux/amd64");
  }

  @Test
  void manifest_isAnOciImageWithNoLayersPointingAtItsConfig() {
    byte[] config = "{}".getBytes(StandardCharsets.UTF_8);

    assertThat(new String(SeedImagePusher.manifest(config), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\","
                + "\"size\":2},\"layers\":[]}");
  }

  @Test
  void seedImages_ofDifferentPlatformsHaveDifferentDigests() {
    assertThat(
            SeedImagePusher.digestOf(
                SeedImagePusher.manifest(SeedImagePusher.config("linux/amd64"))))
        .isNotEqualTo(
            SeedImagePusher.digestOf(
                SeedImagePusher.manifest(SeedImagePusher.config("linux/arm64"))));
  }
}
