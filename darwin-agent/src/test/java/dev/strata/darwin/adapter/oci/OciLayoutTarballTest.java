package dev.strata.darwin.adapter.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutTarballTest {
  @TempDir Path tmp;
  private final OciLayoutTarball oci = new OciLayoutTarball();

  private Path dir() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("pkg/bin"));
    Files.writeString(dir.resolve("tool"), "x");
    return dir.getParent();
  }

  @Test
  void pack_isReproducible_andReadsBackAsOneDarwinArm64Image() throws Exception {
    Path dir = dir();
    oci.pack(dir, tmp.resolve("a.tar"), "vllm", "darwin/arm64");
    oci.pack(dir, tmp.resolve("b.tar"), "vllm", "darwin/arm64");

    assertThat(Files.readAllBytes(tmp.resolve("a.tar")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("b.tar")));
    var layout = oci.read(tmp.resolve("a.tar"), Files.createDirectories(tmp.resolve("x")));
    var manifest = new ObjectMapper().readTree(layout.manifest().bytes());
    var config =
        new ObjectMapper()
            .readTree(
                Files.readAllBytes(
                    layout.blobs().get(manifest.path("config").path("digest").asText())));
    assertThat(config.path("os").asText()).isEqualTo("darwin");
    assertThat(config.path("architecture").asText()).isEqualTo("arm64");
    assertThat(manifest.path("layers")).hasSize(1);
  }

  @Test
  void check_refusesATarballWhoseBlobDoesNotMatchItsName() throws Exception {
    Path tarball = tmp.resolve("a.tar");
    oci.pack(dir(), tarball, "vllm", "darwin/arm64");
    Path damaged = tmp.resolve("damaged.tar");
    try (var in =
            new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                Files.newInputStream(tarball));
        var out =
            new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(
                Files.newOutputStream(damaged))) {
      org.apache.commons.compress.archivers.tar.TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] data = in.readAllBytes();
        if (e.getName().startsWith("blobs/") && data.length > 100) {
          data[50] ^= 0x01; // the layer
        }
        out.putArchiveEntry(e);
        out.write(data);
        out.closeArchiveEntry();
      }
    }

    assertThatThrownBy(() -> oci.check(damaged))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("does not match its digest");
  }

  @Test
  void check_refusesAFileThatIsNoLayout() throws Exception {
    Path tarball = Files.writeString(tmp.resolve("x.tar"), "");

    assertThatThrownBy(() -> oci.check(tarball)).hasMessageContaining("no index.json");
  }
}
