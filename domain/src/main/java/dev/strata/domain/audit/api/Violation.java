package dev.strata.domain.audit.api;

import java.time.Instant;
import java.util.List;

/**
 * One violation of an {@link Invariant}, with the events that prove it. Repeated occurrences of the
 * same finding (same rule and subject) are folded into one violation: {@code occurrences} counts
 * them and {@code evidence} keeps the first few.
 *
 * @param invariant the invariant's number (1 to 10)
 * @param rule a short code for the specific check, e.g. {@code pr-cache-to}
 * @param subject what the finding is about (a cache ref, a leg, a tag-suffix), its dedup key
 * @param at when it first happened
 * @param run the run it concerns, or null
 * @param leg the leg it concerns, or null
 * @param message what is wrong, in one sentence
 * @param occurrences how many times it was seen
 * @param evidence the events that prove it, in log order
 */
public record Violation(
    int invariant,
    String rule,
    String subject,
    Instant at,
    String run,
    String leg,
    String message,
    long occurrences,
    List<Evidence> evidence) {
  public Violation {
    evidence = List.copyOf(evidence);
  }
}
