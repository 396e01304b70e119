package dev.strata.domain.leg.model;

import dev.strata.domain.cache.model.CcacheMounts;
import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.image.model.ImageNaming;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** LocalAI's profile as a {@link LegProfile}, and the triggers the plan tests use. */
final class LegPlans {
  private LegPlans() {}

  static final ImageNaming NAMING =
      ImageNaming.of(
          "quay.io/go-skynet/ci-cache",
          List.of("quay.io/go-skynet/local-ai-backends", "localai/localai-backends"),
          "quay.io/go-skynet/ci-tests");

  static final LegProfile LOCALAI =
      new LegProfile(
          NAMING,
          LocalAi.APT,
          WeekKeyStyle.CALENDAR_YEAR,
          LocalAi.DEFAULT_AMDGPU_TARGETS,
          new CcacheMounts(
              Set.of(
                  "llama-cpp",
                  "ik-llama-cpp",
                  "turboquant",
                  "bonsai",
                  "ds4",
                  "privacy-filter",
                  "audio-cpp")),
          "https://github.com/");

  static final Repository REPO = Repository.parse("mudler/LocalAI");
  static final CommitSha BEFORE = new CommitSha("a".repeat(40));
  static final CommitSha MERGE = new CommitSha("1a2b3c4" + "0".repeat(33));
  static final RunId RUN = RunId.of("1234");
  // 2026-11-28 is in ISO week 48
  static final Instant JOB_START = Instant.parse("2026-11-28T10:15:00Z");
  static final Instant CREATED = Instant.parse("2026-11-27T09:00:00Z");

  static Trigger masterPush() {
    return Trigger.push(REPO, "master", BEFORE, MERGE, false);
  }

  static Trigger pullRequest(boolean fork) {
    return Trigger.pullRequest(REPO, 11000, BEFORE, BEFORE, MERGE, fork);
  }

  static BuildPlan plan(Trigger trigger, LinuxEntry entry) {
    return BuildPlanner.plan(LOCALAI, new LegRequest(RUN, trigger, entry, JOB_START, CREATED));
  }
}
