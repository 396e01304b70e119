package dev.strata.gateway.core;

import dev.strata.domain.trigger.api.Repository;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A schedule the platform fires itself, e.g. LocalAI's full backend run {@code 0 6 * * 0} and its
 * builder bases {@code 0 5 * * 6}.
 *
 * @param name lowercase name, part of every slot id
 * @param cron the cron expression (UTC)
 * @param repository the repository the run builds
 * @param branch the branch it builds (the default branch)
 * @param pipelines the pipelines the run plans
 */
public record ScheduleSpec(
    String name,
    CronExpression cron,
    Repository repository,
    String branch,
    List<String> pipelines) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  public ScheduleSpec {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid schedule name \"" + name + "\": expected lowercase letters, digits and '-'");
    }
    pipelines = List.copyOf(pipelines);
  }
}
