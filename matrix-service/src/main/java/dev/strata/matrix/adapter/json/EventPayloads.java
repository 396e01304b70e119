package dev.strata.matrix.adapter.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.domain.trigger.api.TriggerKind;
import dev.strata.matrix.core.pipeline.PipelineTrigger;
import dev.strata.matrix.core.plan.GitHubEvent;

/** Reads the fields change detection needs from a GitHub event payload. */
public final class EventPayloads {
  private EventPayloads() {}

  /** The event in {@code payload} (a JSON object; anything else reads as an empty event). */
  public static GitHubEvent from(JsonNode payload) {
    if (payload == null || !payload.isObject()) {
      return new GitHubEvent(null, null, null, false, null, null);
    }
    JsonNode pr = payload.get("pull_request");
    boolean isPr = truthy(pr);
    return new GitHubEvent(
        text(payload.get("ref")),
        text(payload.get("before")),
        text(payload.get("after")),
        isPr,
        isPr ? text(pr.path("base").get("sha")) : null,
        isPr ? text(pr.path("head").get("sha")) : null);
  }

  /**
   * The trigger a fixed pipeline's gate reads from {@code payload}. {@code eventName} ({@code
   * push}, {@code pull_request}, {@code schedule}, {@code workflow_dispatch}) decides the kind;
   * when it is null the payload does: a {@code pull_request} object, no {@code ref} (a cron), a tag
   * ref, a {@code before} (a push), else a dispatch.
   *
   * @throws IllegalArgumentException for an event name the gate does not know
   */
  public static PipelineTrigger trigger(JsonNode payload, String eventName) {
    GitHubEvent e = from(payload);
    boolean tag = e.isTagPush();
    TriggerKind kind;
    if (eventName == null) {
      boolean hasBefore = payload != null && payload.has("before");
      kind =
          e.pullRequest()
              ? TriggerKind.PULL_REQUEST
              : e.ref() == null
                  ? TriggerKind.SCHEDULE
                  : tag
                      ? TriggerKind.TAG_PUSH
                      : hasBefore ? TriggerKind.PUSH : TriggerKind.WORKFLOW_DISPATCH;
    } else {
      kind =
          switch (eventName) {
            case "push" -> tag ? TriggerKind.TAG_PUSH : TriggerKind.PUSH;
            case "pull_request" -> TriggerKind.PULL_REQUEST;
            case "schedule" -> TriggerKind.SCHEDULE;
            case "workflow_dispatch" -> TriggerKind.WORKFLOW_DISPATCH;
            default ->
                throw new IllegalArgumentException(
                    "--event-name must be push, pull_request, schedule or workflow_dispatch, not '"
                        + eventName
                        + "'");
          };
    }
    String cron = payload == null ? null : text(payload.get("schedule"));
    return new PipelineTrigger(
        kind, e.ref(), e.before(), e.after(), e.baseSha(), e.headSha(), cron);
  }

  /** A value as a string, or null when JavaScript would find it falsy. */
  private static String text(JsonNode node) {
    if (!truthy(node)) {
      return null;
    }
    return node.isValueNode() ? node.asText() : node.toString();
  }

  private static boolean truthy(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return false;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.doubleValue() != 0 && !Double.isNaN(node.doubleValue());
    }
    if (node.isTextual()) {
      return !node.textValue().isEmpty();
    }
    return true;
  }
}
