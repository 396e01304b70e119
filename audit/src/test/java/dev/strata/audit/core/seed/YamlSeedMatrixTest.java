package dev.strata.audit.core.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.audit.adapter.yaml.YamlSeedMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeder reads LocalAI's matrix fixture without the matrix-service (DOMAIN.md 2.3 counts). */
class YamlSeedMatrixTest {
  static final Path HEAD = Path.of("/work/shared/fixtures/localai/backend-matrix.head.yml");

  @Test
  void headFixture_hasLocalAisCounts() throws IOException {
    SeedMatrix matrix = YamlSeedMatrix.read(HEAD);

    assertThat(matrix.linux()).hasSize(457);
    assertThat(matrix.darwin()).hasSize(62);
    assertThat(matrix.linux().stream().filter(e -> !e.platformTag().isEmpty())).hasSize(145);
    assertThat(matrix.builderBases()).hasSize(10);
    assertThat(matrix.linux().get(1).legId().value()).isEqualTo("-cpu-vllm@single");
    assertThat(matrix.darwin().get(0).legId().value()).isEqualTo("darwin:diffusers");
  }

  @Test
  void fileWithoutInclude_isRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("matrix.yml"), "jobs: {}\n");

    assertThatThrownBy(() -> YamlSeedMatrix.read(file))
        .hasMessageContaining(file.toString())
        .hasMessageContaining("no 'include' list");
  }
}
