package dev.strata.merge.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.image.model.ImageNaming;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.runtime.registry.RegistryCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfilePublishingRulesTest {
  private static final Repository REPO = Repository.parse("mudler/LocalAI");
  private static final CommitSha SHA = CommitSha.parse("abc1234def5678901234567890123456789abcde");
  private static final ImageNaming BACKENDS =
      ImageNaming.of(
          "quay.io/go-skynet/ci-cache",
          List.of("quay.io/go-skynet/local-ai-backends", "localai/localai-backends"),
          "quay.io/go-skynet/ci-tests");
  private static final ImageNaming ROOT =
      ImageNaming.of(
          "quay.io/go-skynet/ci-cache",
          List.of("quay.io/go-skynet/local-ai", "localai/localai"),
          "quay.io/go-skynet/ci-tests");

  private final ProfilePublishingRules rules =
      new ProfilePublishingRules(
          MergeSettings.of(
              Map.of(
                  "backend", new PipelinePublishing(BACKENDS, PipelinePublishing.TagStyle.BACKEND),
                  "image", new PipelinePublishing(ROOT, PipelinePublishing.TagStyle.ROOT_IMAGE)),
              "master",
              RegistryCredentials.none()));

  private static MergeGroup group(String sfx, String latest) {
    return new MergeGroup(TagSuffix.of(sfx), latest, List.of(), List.of());
  }

  /** DOMAIN.md 5.1's table for sfx=-cpu-vllm. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          branch | master     | master-cpu-vllm,sha-abc1234-cpu-vllm
          tag    | v4.9.0     | v4.9.0-cpu-vllm,sha-abc1234-cpu-vllm,latest-cpu-vllm
          tag    | v4.9.0-rc1 | v4.9.0-rc1-cpu-vllm,sha-abc1234-cpu-vllm
          tag    | v.1.24.0   | sha-abc1234-cpu-vllm
          """)
  void backendTags_followDomainTable(String kind, String ref, String expected) {
    Trigger trigger =
        kind.equals("branch")
            ? Trigger.push(REPO, ref, SHA, SHA, false)
            : Trigger.tagPush(REPO, ref, SHA);

    assertThat(rules.tags("backend", trigger, group("-cpu-vllm", "auto"), Instant.EPOCH))
        .containsExactly(expected.split(","));
  }

  @Test
  void rootImageOnMaster_addsTheStampFromTheGroupsCompletionTime() {
    Instant completed = Instant.ofEpochSecond(1787431443L);

    assertThat(
            rules.tags(
                "image",
                Trigger.push(REPO, "master", SHA, SHA, false),
                group("", "auto"),
                completed))
        .containsExactly("master", "master-1787431443-abc1234", "sha-abc1234");
  }

  @Test
  void emptyTagLatest_isRefusedAsLocalAisMergeFails() {
    assertThatThrownBy(
            () ->
                rules.tags(
                    "backend",
                    Trigger.push(REPO, "master", SHA, SHA, false),
                    group("-cpu-vllm", ""),
                    Instant.EPOCH))
        .hasMessageContaining("Invalid tag-latest \"\"");
  }

  @Test
  void quaySourcesComeFromTheCache_hubSourcesFromTheHubRepository() {
    Digest d = new Digest("sha256:" + "a".repeat(64));

    assertThat(rules.mergeSource("backend", ImageRef.of("quay.io/go-skynet/local-ai-backends"), d))
        .isEqualTo(ImageRef.of("quay.io/go-skynet/ci-cache").withDigest(d));
    assertThat(rules.mergeSource("backend", ImageRef.of("localai/localai-backends"), d))
        .isEqualTo(ImageRef.of("localai/localai-backends").withDigest(d));
  }
}
