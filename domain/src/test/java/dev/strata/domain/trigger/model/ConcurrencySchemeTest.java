package dev.strata.domain.trigger.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.Trigger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConcurrencySchemeTest {
  private static final Repository REPO = Repository.parse("mudler/LocalAI");
  private static final CommitSha HEAD = new CommitSha("82c191afadf5f005281e798ccfa0ffd0d5805030");
  private static final CommitSha BEFORE = new CommitSha("acad78a95ac8547d01981196358f7f0b7817403f");
  private static final Map<String, Trigger> TRIGGERS =
      Map.of(
          "push", Trigger.push(REPO, "master", BEFORE, HEAD, false),
          "tag", Trigger.tagPush(REPO, "v4.9.0", HEAD),
          "schedule", Trigger.schedule(REPO, "0 6 * * 0", "master", HEAD),
          "dispatch", Trigger.dispatch(REPO, "refs/heads/master", HEAD),
          "pr", Trigger.pullRequest(REPO, 11000, BEFORE, HEAD, null, false));

  // DOMAIN.md 9: ${PR number || sha}, repository as owner/name.
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "backends, push, ci-backends-82c191afadf5f005281e798ccfa0ffd0d5805030-mudler/LocalAI, false",
    "backends, tag, ci-backends-82c191afadf5f005281e798ccfa0ffd0d5805030-mudler/LocalAI, false",
    "backends, schedule, ci-backends-82c191afadf5f005281e798ccfa0ffd0d5805030-mudler/LocalAI, false",
    "backends, dispatch, ci-backends-82c191afadf5f005281e798ccfa0ffd0d5805030-mudler/LocalAI, false",
    "backends-pr, pr, ci-backends-pr-11000-mudler/LocalAI, true",
    "'', push, ci-82c191afadf5f005281e798ccfa0ffd0d5805030-mudler/LocalAI, false",
    "'', pr, ci-11000-mudler/LocalAI, true",
    "base-images, schedule, ci-base-images-82c191afadf5f005281e798ccfa0ffd0d5805030-mudler/LocalAI,"
        + " false",
    "intel-cache, pr, ci-intel-cache-11000-mudler/LocalAI, true",
  })
  void groupKey_perWorkflow(String name, String trigger, String key, boolean cancelInProgress) {
    ConcurrencyScheme scheme = new ConcurrencyScheme(name);

    assertThat(scheme.groupOf(TRIGGERS.get(trigger))).hasToString(key);
    assertThat(scheme.cancelInProgress(TRIGGERS.get(trigger))).isEqualTo(cancelInProgress);
  }

  @Test
  void constants_matchTheWorkflows() {
    Trigger push = TRIGGERS.get("push");
    assertThat(ConcurrencyScheme.BACKENDS.groupOf(push).key()).startsWith("ci-backends-82c1");
    assertThat(ConcurrencyScheme.BACKENDS_PR.groupOf(TRIGGERS.get("pr")).key())
        .isEqualTo("ci-backends-pr-11000-mudler/LocalAI");
    assertThat(ConcurrencyScheme.IMAGE.groupOf(push).key()).startsWith("ci-82c1");
    assertThat(ConcurrencyScheme.BASE_IMAGES.groupOf(push).key()).startsWith("ci-base-images-");
  }

  @Test
  void hazardH2_tagAndMasterPushOnOneCommitShareAGroup() {
    assertThat(ConcurrencyScheme.BACKENDS.groupOf(TRIGGERS.get("tag")))
        .isEqualTo(ConcurrencyScheme.BACKENDS.groupOf(TRIGGERS.get("push")))
        .isEqualTo(ConcurrencyScheme.BACKENDS.groupOf(TRIGGERS.get("schedule")));
  }

  @Test
  void unresolvedSchedule_isRefused() {
    Trigger unresolved = Trigger.schedule(REPO, "0 6 * * 0", null, null);

    assertThatThrownBy(() -> ConcurrencyScheme.BACKENDS.groupOf(unresolved))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SCHEDULE");
  }

  @Test
  void badName_isRefusedAndQuoted() {
    assertThatThrownBy(() -> new ConcurrencyScheme("Back Ends"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Back Ends\"");
  }
}
