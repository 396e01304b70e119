package dev.strata.matrix.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.domain.trigger.api.TriggerKind;
import dev.strata.matrix.Fixtures;
import dev.strata.matrix.port.ChangedFiles;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gates of LocalAI's fixed pipelines, with the shipped profile's rules: the root image's {@code
 * changes} gate (DOMAIN.md 11.8) and PR {@code paths-ignore} (11.9), and the builder bases'
 * triggers (1, 6.1).
 */
class GateTest {
  private static final String A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  private static final String B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
  private static final String ZERO = "0000000000000000000000000000000000000000";
  private static final TriggerRules ROOT = rules("root-image");
  private static final TriggerRules BASES = rules("builder-bases");

  private static TriggerRules rules(String pipeline) {
    return Fixtures.localaiProfile().pipelines().fixed(pipeline).orElseThrow().rules();
  }

  private static PipelineTrigger push(String ref, String before) {
    return new PipelineTrigger(TriggerKind.PUSH, ref, before, B, null, null, null);
  }

  private static PipelineTrigger pullRequest() {
    return new PipelineTrigger(
        TriggerKind.PULL_REQUEST, "refs/pull/7/merge", null, null, A, B, null);
  }

  // 11.8: skip only if EVERY changed file matches ^(gallery/|docs/|examples/) or ends with .md
  @ParameterizedTest(name = "push master [{0}] -> build={1} ({2})")
  @CsvSource({
    "docs/content/index.md, false, ignored-only",
    "gallery/index.yaml, false, ignored-only",
    "examples/chat/main.py, false, ignored-only",
    "README.md, false, ignored-only",
    "backend/python/vllm/README.md, false, ignored-only",
    "docs/a.md gallery/b.yaml examples/c.go CONTRIBUTING.md, false, ignored-only",
    "docs/a.md Makefile, true, relevant-change",
    "core/http/app.go, true, relevant-change",
    "documentation/notes.txt, true, relevant-change",
    "core/gallery/models.go, true, relevant-change",
    "notes.mdx, true, relevant-change",
    "'', true, empty-diff",
  })
  void rootImage_changesGate_onMasterPushes(String files, boolean build, String reason) {
    GateDecision d = Gate.decide(ROOT, push("refs/heads/master", A), FakeDiffs.of(files));

    assertThat(d.build()).isEqualTo(build);
    assertThat(d.reason()).isEqualTo(reason);
  }

  // 11.8: build when the ref is a tag, when before is empty, all zeros, or not a commit
  @ParameterizedTest(name = "{0} before={1} -> {2}")
  @CsvSource({
    "refs/tags/v4.9.0, " + A + ", tag",
    "refs/heads/master, '', no-before",
    "refs/heads/master, " + ZERO + ", zero-before",
    "refs/heads/master, cccccccccccccccccccccccccccccccccccccccc, before-not-a-commit",
  })
  void rootImage_buildsWithoutLookingAtTheFiles(String ref, String before, String reason) {
    FakeDiffs docsOnly =
        new FakeDiffs(
            new ChangedFiles.Listed(java.util.List.of("docs/a.md"), false), Set.of("c".repeat(40)));

    GateDecision d = Gate.decide(ROOT, push(ref, before.isEmpty() ? null : before), docsOnly);

    assertThat(d.build()).isTrue();
    assertThat(d.reason()).isEqualTo(reason);
    assertThat(docsOnly.reads).isZero();
  }

  @Test
  void rootImage_tagPushTrigger_alwaysBuilds() {
    PipelineTrigger tag =
        new PipelineTrigger(TriggerKind.TAG_PUSH, "refs/tags/v4.9.0", null, B, null, null, null);

    assertThat(Gate.decide(ROOT, tag, FakeDiffs.of("docs/a.md")).reason()).isEqualTo("tag");
  }

  @Test
  void rootImage_unreadableDiff_builds() {
    FakeDiffs broken = new FakeDiffs(new ChangedFiles.Unavailable("disk on fire"), Set.of());

    GateDecision d = Gate.decide(ROOT, push("refs/heads/master", A), broken);

    assertThat(d.build()).isTrue();
    assertThat(d.detail()).contains("disk on fire");
  }

  // image.yml: push to master or a tag only; no cron, no dispatch
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "PUSH, refs/heads/feature",
    "SCHEDULE, ''",
    "WORKFLOW_DISPATCH, refs/heads/master",
  })
  void rootImage_isNotTriggeredByOtherBranchesCronOrDispatch(TriggerKind kind, String ref) {
    PipelineTrigger t =
        new PipelineTrigger(kind, ref.isEmpty() ? null : ref, A, B, null, null, "0 6 * * 0");

    GateDecision d = Gate.decide(ROOT, t, FakeDiffs.of("core/http/app.go"));

    assertThat(d.build()).isFalse();
    assertThat(d.reason()).isEqualTo("not-triggered");
  }

  // 11.9: gallery/**, docs/**, examples/**, **/*.md, backend/cpp/**, backend/go/**,
  // backend/python/**; skipped only when every changed file matches
  @ParameterizedTest(name = "PR [{0}] -> build={1}")
  @CsvSource({
    "gallery/index.yaml, false",
    "docs/content/index.md, false",
    "examples/chat/main.py, false",
    "README.md, false",
    "core/README.md, false",
    "backend/cpp/llama-cpp/Makefile, false",
    "backend/go/whisper/main.go, false",
    "backend/python/vllm/backend.py, false",
    "backend/go/whisper/main.go docs/a.md backend/python/common/libbackend.sh, false",
    "backend/Dockerfile.python, true",
    "backend/backend.proto, true",
    "Dockerfile, true",
    "docs/a.md Makefile, true",
    "'', true",
  })
  void rootImage_pullRequestPathsIgnore(String files, boolean build) {
    GateDecision d = Gate.decide(ROOT, pullRequest(), FakeDiffs.of(files));

    assertThat(d.build()).isEqualTo(build);
    assertThat(d.reason())
        .isIn(build ? Set.of("relevant-change", "empty-diff") : Set.of("ignored-only"));
  }

  // base-images.yml: push to master touching its inputs; Saturday cron; workflow_dispatch
  @ParameterizedTest(name = "bases push [{0}] -> build={1}")
  @CsvSource({
    "backend/Dockerfile.base-grpc-builder, true",
    ".github/workflows/base-images.yml, true",
    ".docker/install-base-deps.sh, true",
    "core/http/app.go .docker/apt-mirror.sh, true",
    ".docker/llama-cpp-compile.sh, false",
    "backend/Dockerfile.llama-cpp, false",
    "'', false",
  })
  void builderBases_rebuildWhenTheirOwnInputsChange(String files, boolean build) {
    GateDecision d = Gate.decide(BASES, push("refs/heads/master", A), FakeDiffs.of(files));

    assertThat(d.build()).isEqualTo(build);
    assertThat(d.reason()).isEqualTo(build ? "matching-path" : "no-matching-path");
  }

  @ParameterizedTest(name = "bases {0} cron={1} -> build={2}")
  @CsvSource({
    "SCHEDULE, 0 5 * * 6, true, schedule",
    "SCHEDULE, 0 6 * * 0, false, not-triggered",
    "SCHEDULE, '', true, schedule",
    "WORKFLOW_DISPATCH, '', true, dispatch",
    "PULL_REQUEST, '', false, not-triggered",
    "TAG_PUSH, '', false, not-triggered",
  })
  void builderBases_onScheduleOnDemandNotForPullRequestsOrTags(
      TriggerKind kind, String cron, boolean build, String reason) {
    PipelineTrigger t =
        new PipelineTrigger(
            kind,
            kind == TriggerKind.TAG_PUSH ? "refs/tags/v1.0.0" : "refs/heads/master",
            null,
            B,
            A,
            B,
            cron.isEmpty() ? null : cron);

    GateDecision d = Gate.decide(BASES, t, FakeDiffs.of(".docker/install-base-deps.sh"));

    assertThat(d.build()).isEqualTo(build);
    assertThat(d.reason()).isEqualTo(reason);
  }

  @Test
  void builderBases_pushWithoutABefore_builds() {
    assertThat(Gate.decide(BASES, push("refs/heads/master", null), FakeDiffs.of("")).reason())
        .isEqualTo("no-before");
  }
}
