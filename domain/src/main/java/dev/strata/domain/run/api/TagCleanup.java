package dev.strata.domain.run.api;

import dev.strata.domain.Values;

/**
 * The outcome of deleting one keepalive tag: {@code deleted}, {@code absent}, {@code forbidden} or
 * {@code error: <detail>}.
 */
public record TagCleanup(String tag, String outcome) {
  public TagCleanup {
    Values.required(tag, "tag");
    Values.required(outcome, "outcome");
  }
}
