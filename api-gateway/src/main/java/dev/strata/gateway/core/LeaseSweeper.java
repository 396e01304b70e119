package dev.strata.gateway.core;

import dev.strata.domain.run.api.ExpireLease;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expires leases whose holder stopped heartbeating, with the reason recorded in {@code
 * LegLeaseExpired}; the leg becomes claimable again. {@code ExpireLease} is idempotent, so several
 * gateway processes may sweep.
 */
public final class LeaseSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseSweeper.class);

  private final RunBoard board;
  private final Commands commands;
  private final Clock clock;
  private final Set<LegRef> expiring = ConcurrentHashMap.newKeySet();

  public LeaseSweeper(RunBoard board, Commands commands, Clock clock) {
    this.board = board;
    this.commands = commands;
    this.clock = clock;
  }

  /** Sends {@code ExpireLease} for every lease past due; returns how many it sent. */
  public int sweep() {
    Instant now = clock.instant();
    int sent = 0;
    for (Lease lease : board.leasesDueBy(now)) {
      LegRef leg = lease.leg();
      if (!expiring.add(leg)) {
        continue;
      }
      sent++;
      String reason =
          "agent "
              + lease.holder()
              + " held the lease until "
              + lease.until()
              + " and sent no heartbeat; the gateway's lease sweeper expired it at "
              + now;
      commands
          .send(new ExpireLease(leg.runId(), leg.legId(), reason, now))
          .whenComplete(
              (ok, err) -> {
                expiring.remove(leg);
                if (err != null) {
                  LOG.warn(
                      "Tried to expire the lease of {} but failed because: {}",
                      leg,
                      Commands.cause(err).getMessage());
                }
              });
    }
    return sent;
  }
}
