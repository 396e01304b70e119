package dev.strata.domain.image.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.api.TriggerKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetadataTagsTest {
  private static final List<ImageRef> BACKEND_IMAGES =
      List.of(
          ImageRef.of("quay.io/go-skynet/local-ai-backends"),
          ImageRef.of("localai/localai-backends"));
  private static final CommitSha SHA = new CommitSha("abc1234" + "0".repeat(33));

  /**
   * DOMAIN.md 5.1's result table for {@code sfx=-cpu-vllm}, plus the latest=true/false overrides,
   * sanitising and de-duplication. Expected: the tags of one image, space-separated.
   */
  @ParameterizedTest(name = "{0} {1} latest={2} sfx={3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PUSH|refs/heads/master|auto|-cpu-vllm|master-cpu-vllm sha-abc1234-cpu-vllm",
        "SCHEDULE|refs/heads/master|auto|-cpu-vllm|master-cpu-vllm sha-abc1234-cpu-vllm",
        "WORKFLOW_DISPATCH|refs/heads/master|auto|-cpu-vllm|master-cpu-vllm sha-abc1234-cpu-vllm",
        "TAG_PUSH|refs/tags/v4.9.0|auto|-cpu-vllm"
            + "|v4.9.0-cpu-vllm sha-abc1234-cpu-vllm latest-cpu-vllm",
        "TAG_PUSH|refs/tags/v4.9.0-rc1|auto|-cpu-vllm|v4.9.0-rc1-cpu-vllm sha-abc1234-cpu-vllm",
        "TAG_PUSH|refs/tags/v.1.24.0|auto|-cpu-vllm|sha-abc1234-cpu-vllm",
        "TAG_PUSH|refs/tags/4.9.0|auto|-cpu-vllm|4.9.0-cpu-vllm sha-abc1234-cpu-vllm latest-cpu-vllm",
        "TAG_PUSH|refs/tags/v1.2.3+build.5|auto|-cpu-vllm"
            + "|v1.2.3-build.5-cpu-vllm sha-abc1234-cpu-vllm latest-cpu-vllm",
        "TAG_PUSH|refs/tags/release/v1.0.0|auto|-cpu-vllm|sha-abc1234-cpu-vllm",
        "PUSH|refs/heads/master|true|-cpu-vllm|master-cpu-vllm sha-abc1234-cpu-vllm latest-cpu-vllm",
        "TAG_PUSH|refs/tags/v4.9.0|false|-cpu-vllm|v4.9.0-cpu-vllm sha-abc1234-cpu-vllm",
        "TAG_PUSH|refs/tags/v4.9.0-rc1|true|-cpu-vllm"
            + "|v4.9.0-rc1-cpu-vllm sha-abc1234-cpu-vllm latest-cpu-vllm",
        "TAG_PUSH|refs/tags/v4.9.0|auto||v4.9.0 sha-abc1234 latest",
        "PUSH|refs/heads/feature/new thing|auto|-cpu-vllm"
            + "|feature-new-thing-cpu-vllm sha-abc1234-cpu-vllm",
        "PUSH|refs/heads/sha-abc1234|auto|-cpu-vllm|sha-abc1234-cpu-vllm",
        "PULL_REQUEST|refs/pull/11000/merge|auto|-cpu-vllm|sha-abc1234-cpu-vllm",
      })
  void backendTags_perEvent(
      TriggerKind kind, String ref, String latest, String sfx, String expectedPerImage) {
    MetadataTags config =
        MetadataTags.backend(BACKEND_IMAGES, LatestMode.parse(latest), TagSuffix.of(sfx));

    List<String> expected = new ArrayList<>();
    for (ImageRef image : BACKEND_IMAGES) {
      for (String tag : expectedPerImage.split(" ")) {
        expected.add(image.repository() + ":" + tag);
      }
    }
    assertThat(config.tags(new TagContext(kind, ref, SHA, null, null)))
        .map(ImageRef::toString)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void tags_ofRealTriggers_quayFirst() {
    Repository repo = Repository.parse("mudler/LocalAI");
    MetadataTags config =
        MetadataTags.backend(BACKEND_IMAGES, LatestMode.AUTO, TagSuffix.of("-cpu-vllm"));

    assertThat(config.tags(TagContext.of(Trigger.tagPush(repo, "v4.9.0", SHA))))
        .map(ImageRef::toString)
        .containsExactly(
            "quay.io/go-skynet/local-ai-backends:v4.9.0-cpu-vllm",
            "quay.io/go-skynet/local-ai-backends:sha-abc1234-cpu-vllm",
            "quay.io/go-skynet/local-ai-backends:latest-cpu-vllm",
            "localai/localai-backends:v4.9.0-cpu-vllm",
            "localai/localai-backends:sha-abc1234-cpu-vllm",
            "localai/localai-backends:latest-cpu-vllm");
    assertThat(config.tags(TagContext.of(Trigger.schedule(repo, "0 6 * * 0", "master", SHA))))
        .map(ImageRef::toString)
        .startsWith("quay.io/go-skynet/local-ai-backends:master-cpu-vllm");
  }

  @Test
  void version_exposesMainPartialsAndLatest() {
    MetadataTags config =
        MetadataTags.backend(BACKEND_IMAGES, LatestMode.AUTO, TagSuffix.of("-cpu-vllm"));

    MetadataTags.Version v =
        config.version(new TagContext(TriggerKind.TAG_PUSH, "refs/tags/v4.9.0", SHA, null, null));

    assertThat(v.main()).isEqualTo("v4.9.0-cpu-vllm");
    assertThat(v.partials()).containsExactly("sha-abc1234-cpu-vllm");
    assertThat(v.latest()).isTrue();
  }

  @Test
  void noValue_meansNoTagsEvenWithLatestTrue() {
    MetadataTags config =
        MetadataTags.backend(BACKEND_IMAGES, LatestMode.TRUE, TagSuffix.of("-cpu-vllm"));

    assertThat(
            config.tags(
                new TagContext(TriggerKind.TAG_PUSH, "refs/tags/v.1.24.0", null, null, null)))
        .isEmpty();
  }

  // DOMAIN.md 5.1: the root image adds {{branch}}-{{date 'X'}}-{{sha}} on the default branch.
  @ParameterizedTest(name = "root {0} {1} sfx={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PUSH|refs/heads/master||master master-1787431443-82c191a sha-82c191a",
        "SCHEDULE|refs/heads/master||master master-1787431443-82c191a sha-82c191a",
        "PUSH|refs/heads/master|-gpu-vulkan"
            + "|master-gpu-vulkan master-1787431443-82c191a-gpu-vulkan sha-82c191a-gpu-vulkan",
        "TAG_PUSH|refs/tags/v4.9.0||v4.9.0 sha-82c191a latest",
        "PUSH|refs/heads/feature||feature sha-82c191a",
      })
  void rootImageTags_addTheDefaultBranchStamp(
      TriggerKind kind, String ref, String sfx, String expectedPerImage) {
    List<ImageRef> images =
        List.of(ImageRef.of("quay.io/go-skynet/local-ai"), ImageRef.of("localai/localai"));
    MetadataTags config = MetadataTags.rootImage(images, LatestMode.AUTO, TagSuffix.of(sfx));
    CommitSha sha = new CommitSha("82c191afadf5f005281e798ccfa0ffd0d5805030");

    List<ImageRef> tags =
        config.tags(new TagContext(kind, ref, sha, null, null).withStamp("master", 1787431443L));

    assertThat(tags.subList(0, tags.size() / 2))
        .map(ImageRef::tag)
        .containsExactlyElementsOf(Arrays.asList(expectedPerImage.split(" ")));
    assertThat(tags.get(tags.size() / 2).repository()).isEqualTo("localai/localai");
  }

  @Test
  void rootImageStamp_withoutDefaultBranchOrTime_isRefused() {
    MetadataTags config =
        MetadataTags.rootImage(
            List.of(ImageRef.of("quay.io/go-skynet/local-ai")), LatestMode.AUTO, TagSuffix.NONE);

    assertThatThrownBy(
            () ->
                config.tags(new TagContext(TriggerKind.PUSH, "refs/heads/master", SHA, null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"refs/heads/master\"")
        .hasMessageContaining("withStamp");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "feature/x|feature-x",
        "a b  c|a-b-c",
        "v1.2.3+build|v1.2.3-build",
        "ok_1.2-3|ok_1.2-3",
        "é/ü|-",
      })
  void sanitize_collapsesRunsOfUnsafeCharacters(String raw, String expected) {
    assertThat(MetadataTags.sanitize(raw)).isEqualTo(expected);
  }

  @Test
  void scheduleWithoutRef_isRefused() {
    Trigger unresolved =
        Trigger.schedule(Repository.parse("mudler/LocalAI"), "0 6 * * 0", null, null);

    assertThatThrownBy(() -> TagContext.of(unresolved))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCHEDULE")
        .hasMessageContaining("no ref");
  }
}
