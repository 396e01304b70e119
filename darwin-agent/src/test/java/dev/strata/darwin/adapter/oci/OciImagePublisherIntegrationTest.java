package dev.strata.darwin.adapter.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.darwin.adapter.registry.HttpArtifactRegistry;
import dev.strata.darwin.adapter.registry.TestRegistry;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciImagePublisherIntegrationTest {
  @TempDir Path tmp;

  @Test
  void publish_pushesAnImageThatSkopeoInspects_underEveryTag_toEveryRepository() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("backend/vllm"));
    Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\necho run\n");
    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(dir.resolve("lib/libfoo.dylib"), "dylib");
    Path tarball = tmp.resolve("vllm.tar");
    new OciLayoutTarball().pack(dir, tarball, "vllm", "darwin/arm64");
    ImageRef quay = TestRegistry.freshRepository("local-ai-backends");
    ImageRef hub = TestRegistry.freshRepository("localai-backends");
    HttpArtifactRegistry registry = HttpArtifactRegistry.anonymous();

    Digest digest =
        new OciImagePublisher(registry)
            .publish(
                tarball,
                List.of(
                    quay.withTag("master-metal-darwin-arm64-vllm"),
                    quay.withTag("sha-abc1234-metal-darwin-arm64-vllm"),
                    hub.withTag("master-metal-darwin-arm64-vllm"),
                    hub.withTag("sha-abc1234-metal-darwin-arm64-vllm")));

    for (ImageRef repo : List.of(quay, hub)) {
      assertThat(registry.tags(repo))
          .containsExactlyInAnyOrder(
              "master-metal-darwin-arm64-vllm", "sha-abc1234-metal-darwin-arm64-vllm");
      JsonNode inspect = skopeoInspect(repo.withTag("sha-abc1234-metal-darwin-arm64-vllm"));
      assertThat(inspect.path("Digest").asText()).isEqualTo(digest.value());
      assertThat(inspect.path("Os").asText()).isEqualTo("darwin");
      assertThat(inspect.path("Architecture").asText()).isEqualTo("arm64");
      assertThat(inspect.path("Layers")).hasSize(1);
    }
  }

  private static JsonNode skopeoInspect(ImageRef ref) throws Exception {
    Process p =
        new ProcessBuilder("skopeo", "inspect", "--tls-verify=false", "docker://" + ref)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return new ObjectMapper().readTree(out);
  }
}
