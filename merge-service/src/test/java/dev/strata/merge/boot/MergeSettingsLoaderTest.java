package dev.strata.merge.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.ImageRef;
import dev.strata.runtime.registry.Credential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeSettingsLoaderTest {
  private static final String LOCALAI =
      """
      defaultBranch: master
      credentials:
        quay.io: {username: go-skynet+ci, passwordEnv: QUAY_PASSWORD}
      pipelines:
        backend:
          cacheRepo: quay.io/go-skynet/ci-cache
          publishRepos: [quay.io/go-skynet/local-ai-backends, localai/localai-backends]
          prRepo: quay.io/go-skynet/ci-tests
          tags: backend
        image:
          cacheRepo: quay.io/go-skynet/ci-cache
          publishRepos: [quay.io/go-skynet/local-ai, localai/localai]
          prRepo: quay.io/go-skynet/ci-tests
          tags: root-image
      """;

  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    Path file = dir.resolve("merge.yml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void localAiSettings_loadPipelinesTagStylesAndCredentials() throws Exception {
    MergeSettings settings =
        MergeSettingsLoader.load(write(LOCALAI), Map.of("QUAY_PASSWORD", "hunter2"));

    assertThat(settings.pipelines().get("backend").naming().publishRepos())
        .containsExactly(
            ImageRef.of("quay.io/go-skynet/local-ai-backends"),
            ImageRef.of("localai/localai-backends"));
    assertThat(settings.pipelines().get("image").tagStyle())
        .isEqualTo(PipelinePublishing.TagStyle.ROOT_IMAGE);
    assertThat(settings.credentials().forHost("quay.io"))
        .contains(new Credential("go-skynet+ci", "hunter2"));
  }

  @Test
  void unknownKey_namesFileKeyAndLine() throws Exception {
    Path file = write(LOCALAI.replace("tags: backend", "tag: backend"));

    assertThatThrownBy(() -> MergeSettingsLoader.load(file, Map.of("QUAY_PASSWORD", "x")))
        .hasMessageStartingWith(file + ": pipelines.backend.tag: Unrecognized field \"tag\"")
        .hasMessageContaining("(near line ");
  }

  @Test
  void unknownTagStyle_saysWhatToWrite() throws Exception {
    Path file = write(LOCALAI.replace("tags: root-image", "tags: root"));

    assertThatThrownBy(() -> MergeSettingsLoader.load(file, Map.of("QUAY_PASSWORD", "x")))
        .hasMessage(file + ": pipelines.image.tags: got \"root\"; write backend or root-image");
  }

  @Test
  void missingPasswordVariable_isNamed_andNoPasswordIsEverReadFromTheFile() throws Exception {
    Path file = write(LOCALAI);

    assertThatThrownBy(() -> MergeSettingsLoader.load(file, Map.of()))
        .hasMessage(
            file + ": credentials.quay.io: the environment variable QUAY_PASSWORD is not set");
  }

  @Test
  void invalidRepository_namesThePipeline() throws Exception {
    Path bad = write(LOCALAI.replace("localai/localai-backends]", "Localai/UPPER]"));

    assertThatThrownBy(() -> MergeSettingsLoader.load(bad, Map.of("QUAY_PASSWORD", "x")))
        .hasMessageStartingWith(
            bad + ": pipelines.backend: Invalid image reference \"Localai/UPPER\"");
  }
}
