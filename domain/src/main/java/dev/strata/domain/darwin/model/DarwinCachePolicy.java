package dev.strata.domain.darwin.model;

import dev.strata.domain.Values;
import dev.strata.domain.matrix.api.DarwinEntry;
import dev.strata.domain.trigger.api.TriggerKind;
import java.util.Set;

/**
 * When each Darwin native cache is restored and saved (DOMAIN.md 8.2, 1.1: pull requests restore
 * only, invariant 3 of 10).
 *
 * <table>
 *   <caption>LocalAI's rules</caption>
 *   <tr><th>cache</th><th>restored</th><th>saved</th></tr>
 *   <tr><td>Go</td><td>always</td><td>on a miss; LocalAI does not gate it on the event (a PR
 *       leak), Strata does unless {@code gateGoSaveOnPullRequests} is off</td></tr>
 *   <tr><td>Homebrew</td><td>always</td><td>not a PR and no exact hit</td></tr>
 *   <tr><td>ccache</td><td>only for the ccache backends</td><td>those backends, not a PR, every
 *       run (the key is unique per run)</td></tr>
 *   <tr><td>wheels</td><td>only when lang is python</td><td>python, not a PR, no exact hit</td></tr>
 * </table>
 *
 * @param ccacheBackends the backends with a native ccache (LocalAI: {@code llama-cpp})
 * @param gateGoSaveOnPullRequests whether PR runs skip the Go save (Strata's default: true;
 *     LocalAI's behaviour: false)
 */
public record DarwinCachePolicy(Set<String> ccacheBackends, boolean gateGoSaveOnPullRequests) {

  /** The four caches. */
  public enum Cache {
    GO,
    HOMEBREW,
    CCACHE,
    WHEELS
  }

  public DarwinCachePolicy {
    ccacheBackends = Set.copyOf(Values.required(ccacheBackends, "ccache backends"));
  }

  /** Whether {@code cache} is restored for {@code entry}'s job. */
  public boolean restores(Cache cache, DarwinEntry entry) {
    Values.required(cache, "cache");
    Values.required(entry, "Darwin entry");
    return switch (cache) {
      case GO, HOMEBREW -> true;
      case CCACHE -> ccacheBackends.contains(entry.backend());
      case WHEELS -> entry.langOrPython().equals("python");
    };
  }

  /**
   * Whether {@code cache} is saved at the end of {@code entry}'s job in a {@code kind} run whose
   * restore ended with {@code restored}.
   */
  public boolean saves(Cache cache, DarwinEntry entry, TriggerKind kind, RestoreOutcome restored) {
    Values.required(kind, "trigger kind");
    Values.required(restored, "restore outcome");
    if (!restores(cache, entry)) {
      return false;
    }
    boolean pr = kind == TriggerKind.PULL_REQUEST;
    boolean exact = restored == RestoreOutcome.EXACT_HIT;
    return switch (cache) {
      case GO -> !exact && !(pr && gateGoSaveOnPullRequests);
      case HOMEBREW, WHEELS -> !pr && !exact;
      case CCACHE -> !pr;
    };
  }
}
