package dev.strata.gateway.core;

import dev.strata.gateway.core.LegReports.ClaimedLeg;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One long-poll claim of one agent. Completes with a leg or, at its deadline, with nothing. {@link
 * #cancel()} (the agent hung up) ends it; a lease won after that is handed back.
 */
public final class ClaimTicket {
  final CompletableFuture<Optional<ClaimedLeg>> result = new CompletableFuture<>();
  final AtomicBoolean busy = new AtomicBoolean();
  final Set<LegRef> refused = new HashSet<>();
  volatile boolean again;
  volatile boolean expired;

  public CompletableFuture<Optional<ClaimedLeg>> result() {
    return result;
  }

  /** Ends the claim without a leg. */
  public void cancel() {
    result.complete(Optional.empty());
  }

  boolean done() {
    return result.isDone();
  }
}
