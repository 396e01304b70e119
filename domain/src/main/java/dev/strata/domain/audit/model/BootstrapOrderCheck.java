package dev.strata.domain.audit.model;

import dev.strata.domain.audit.api.Evidence;
import dev.strata.domain.audit.api.Invariant;
import java.util.HashSet;
import java.util.Set;

/**
 * Invariant 4 (DOMAIN.md 6.4, 10.7): a leg is built on a builder base image only after the registry
 * has it. The registry's content is what the log shows: tags pushed by builds ({@code pushedTo}
 * with a tag) and by merges (published index tags), minus evictions; plus the images the rules say
 * existed before the log began, and any base a leg has already built on successfully (which proves
 * it existed).
 */
final class BootstrapOrderCheck {

  private final Findings findings;
  private final Set<String> present = new HashSet<>();

  BootstrapOrderCheck(Findings findings, Set<String> presentAtStart) {
    this.findings = findings;
    present.addAll(presentAtStart);
  }

  /** The registry now has {@code imageRef} ({@code repository:tag}). */
  void onPushed(String imageRef) {
    present.add(imageRef);
  }

  /** The registry lost {@code imageRef}. */
  void onRemoved(String imageRef) {
    present.remove(imageRef);
  }

  /**
   * A leg of {@code run} ended ({@code outcome} proves it) after building on {@code builderBase}
   * ("" when it used none).
   *
   * @param succeeded whether the leg built (then the base certainly existed)
   * @param plan the {@code MatrixFiltered} event that planned the leg, or null
   */
  void onLegEnded(
      RunBook.Run run, String builderBase, boolean succeeded, Evidence plan, Evidence outcome) {
    if (builderBase == null || builderBase.isEmpty()) {
      return;
    }
    if (!present.contains(builderBase)) {
      findings.add(
          Invariant.BOOTSTRAP_ORDER,
          "bootstrap-order",
          run.id + " " + builderBase,
          outcome.at(),
          run.id,
          outcome.leg(),
          () ->
              "Leg "
                  + outcome.leg()
                  + " of run "
                  + run.id
                  + " was built on builder base "
                  + builderBase
                  + " before the registry had it: push the base first (DOMAIN.md 6.4)",
          plan,
          outcome);
    }
    if (succeeded) {
      present.add(builderBase);
    }
  }
}
