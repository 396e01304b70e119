package dev.strata.domain.image.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.cache.api.IsoWeek;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueRecordsTest {

  @ParameterizedTest
  @ValueSource(strings = {"sha256:abc", "sha256:" + "A", "md5:0123", "", "sha256:zz"})
  void digest_rejectsBadInput_quotingIt(String raw) {
    assertThatThrownBy(() -> Digest.of(raw))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + raw + "\"");
  }

  @Test
  void digest_exposesHex() {
    Digest d = Digest.of("sha256:" + "0123456789abcdef".repeat(4));
    assertThat(d.hex()).hasSize(64).startsWith("0123");
  }

  @ParameterizedTest
  @CsvSource({"'',ABSENT,single", "amd64,AMD64,amd64", "arm64,ARM64,arm64"})
  void platformTag_parsesTheThreeValues(String raw, PlatformTag expected, String orSingle) {
    assertThat(PlatformTag.parse(raw)).isEqualTo(expected);
    assertThat(PlatformTag.parse(raw).orSingle()).isEqualTo(orSingle);
  }

  @ParameterizedTest
  @ValueSource(strings = {"x86_64", "AMD64", "arm", "single"})
  void platformTag_rejectsAnythingElse(String raw) {
    assertThatThrownBy(() -> PlatformTag.parse(raw)).hasMessageContaining("\"" + raw + "\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"cpu-vllm", "-cpu vllm", "-cpu/vllm"})
  void tagSuffix_mustStartWithDashAndBeTagSafe(String raw) {
    assertThatThrownBy(() -> TagSuffix.of(raw)).hasMessageContaining("\"" + raw + "\"");
  }

  @Test
  void legKey_rendersIdentityJsonAsLocalAi() {
    assertThat(LegKey.of("-cpu-faster-whisper", "amd64").identityJson())
        .isEqualTo("[\"-cpu-faster-whisper\",\"amd64\"]");
    assertThat(LegKey.of("-gpu-nvidia-cuda-12-vllm", "").identityJson())
        .isEqualTo("[\"-gpu-nvidia-cuda-12-vllm\",\"\"]");
  }

  @ParameterizedTest
  @CsvSource({"-cpu-vllm@amd64", "-gpu-nvidia-cuda-12-vllm@single", "-cpu-kokoro@arm64"})
  void legKey_roundTripsThroughItsStringForm(String raw) {
    assertThat(LegKey.parse(raw).toString()).isEqualTo(raw);
    assertThat(LegId.linux(LegKey.parse(raw)).value()).isEqualTo(raw);
  }

  @Test
  void legKey_withoutPlatform_isRejected() {
    assertThatThrownBy(() -> LegKey.parse("-cpu-vllm")).hasMessageContaining("\"-cpu-vllm\"");
  }

  @ParameterizedTest
  @CsvSource({
    "quay.io/go-skynet/ci-cache:cache-cpu-vllm-amd64,quay.io,go-skynet/ci-cache,cache-cpu-vllm-amd64",
    "localai/localai-backends,docker.io,localai/localai-backends,",
    "127.0.0.1:5000/strata/ci-cache:base-grpc-amd64,127.0.0.1:5000,strata/ci-cache,base-grpc-amd64",
    "ubuntu:24.04,docker.io,library/ubuntu,24.04"
  })
  void imageRef_parsesRegistryPathAndTag(String raw, String registry, String path, String tag) {
    ImageRef ref = ImageRef.parse(raw);
    assertThat(ref.registry()).isEqualTo(registry);
    assertThat(ref.path()).isEqualTo(path);
    assertThat(ref.tag()).isEqualTo(tag);
    assertThat(ref.toString()).isEqualTo(raw);
  }

  @Test
  void imageRef_withDigest() {
    String raw = "localai/localai-backends@sha256:" + "a".repeat(64);
    assertThat(ImageRef.parse(raw).digest()).isEqualTo(Digest.of("sha256:" + "a".repeat(64)));
    assertThat(ImageRef.parse(raw).toString()).isEqualTo(raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Quay.io/UPPER/x", "repo:bad tag", "repo@sha256:short"})
  void imageRef_rejectsBadInput(String raw) {
    assertThatThrownBy(() -> ImageRef.parse(raw)).hasMessageContaining("\"" + raw + "\"");
  }

  @Test
  void cacheRef_needsATag() {
    assertThat(CacheRef.parse("quay.io/go-skynet/ci-cache:cache-gpu-nvidia-cuda-12-vllm-").tag())
        .isEqualTo("cache-gpu-nvidia-cuda-12-vllm-");
    assertThatThrownBy(() -> CacheRef.parse("quay.io/go-skynet/ci-cache"))
        .hasMessageContaining("\"quay.io/go-skynet/ci-cache\"");
  }

  @ParameterizedTest
  @CsvSource({
    "2024-12-30,2025-W01,2024-W01",
    "2026-12-31,2026-W53,2026-W53",
    "2027-01-01,2026-W53,2027-W53",
    "2026-11-28,2026-W48,2026-W48"
  })
  void isoWeek_isoVersusLocalAiCalendarYear(String date, String iso, String calendar) {
    java.time.LocalDate d = java.time.LocalDate.parse(date);
    assertThat(IsoWeek.isoOf(d).value()).isEqualTo(iso);
    assertThat(IsoWeek.calendarYearOf(d).value()).isEqualTo(calendar);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-W54", "2026-W00", "2026W48", "26-W01"})
  void isoWeek_rejectsBadKeys(String raw) {
    assertThatThrownBy(() -> new IsoWeek(raw)).hasMessageContaining("\"" + raw + "\"");
  }

  @Test
  void commitSha_acceptsUpperCaseAndKnowsZero() {
    assertThat(CommitSha.parse("82C191AFADF5F005281E798CCFA0FFD0D5805030").short7())
        .isEqualTo("82c191a");
    assertThat(CommitSha.parse("0".repeat(40)).isZero()).isTrue();
    assertThatThrownBy(() -> CommitSha.parse("82c191a")).hasMessageContaining("\"82c191a\"");
  }

  @Test
  void runIdRepositoryAndRunnerClass_validate() {
    assertThatThrownBy(() -> RunId.of("Run 1")).hasMessageContaining("\"Run 1\"");
    assertThat(Repository.parse("mudler/LocalAI").fullName()).isEqualTo("mudler/LocalAI");
    assertThatThrownBy(() -> Repository.parse("LocalAI")).hasMessageContaining("\"LocalAI\"");
    assertThatThrownBy(() -> RunnerClass.of("ubuntu latest"))
        .hasMessageContaining("\"ubuntu latest\"");
  }

  @Test
  void trigger_checksWhatEachKindNeeds() {
    Repository repo = Repository.parse("mudler/LocalAI");
    CommitSha sha = CommitSha.parse("82c191afadf5f005281e798ccfa0ffd0d5805030");
    assertThat(Trigger.push(repo, "master", CommitSha.ZERO, sha, false).branch())
        .isEqualTo("master");
    assertThat(Trigger.tagPush(repo, "v4.9.0", sha).tag()).isEqualTo("v4.9.0");
    assertThatThrownBy(() -> Trigger.pullRequest(repo, 0, sha, sha, null, false))
        .hasMessageContaining("pull request number");
    assertThatThrownBy(
            () ->
                new Trigger(
                    dev.strata.domain.trigger.api.TriggerKind.PUSH,
                    repo,
                    "refs/tags/v1",
                    null,
                    sha,
                    null,
                    null,
                    null,
                    false,
                    false,
                    null))
        .hasMessageContaining("\"refs/tags/v1\"");
  }
}
