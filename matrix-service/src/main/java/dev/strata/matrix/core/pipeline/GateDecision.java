package dev.strata.matrix.core.pipeline;

import dev.strata.domain.Values;

/**
 * Whether a fixed pipeline builds for a trigger, and why.
 *
 * @param build true: every leg builds; false: none does
 * @param reason a stable code: {@code tag}, {@code no-before}, {@code zero-before}, {@code
 *     before-not-a-commit}, {@code empty-diff}, {@code changed-files-unavailable}, {@code
 *     relevant-change}, {@code matching-path}, {@code ungated}, {@code schedule}, {@code dispatch}
 *     when it builds; {@code not-triggered}, {@code ignored-only}, {@code no-matching-path} when it
 *     does not
 * @param detail one human sentence naming the file, branch or cron that decided it
 */
public record GateDecision(boolean build, String reason, String detail) {
  public GateDecision {
    Values.required(reason, "reason");
    Values.required(detail, "detail");
  }

  static GateDecision build(String reason, String detail) {
    return new GateDecision(true, reason, detail);
  }

  static GateDecision skip(String reason, String detail) {
    return new GateDecision(false, reason, detail);
  }
}
