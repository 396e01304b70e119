package dev.strata.matrix.adapter.json;

import com.fasterxml.jackson.databind.JsonNode;
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
