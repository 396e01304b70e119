package dev.strata.gateway.core;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.RegisterAgent;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.run.api.ClaimLeg;
import dev.strata.domain.run.api.ClaimOutcome;
import dev.strata.domain.run.api.ExtendLease;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordLegFailure;
import dev.strata.domain.run.api.RecordLegVerified;
import dev.strata.domain.run.api.ReleaseLeg;
import dev.strata.domain.run.api.RunRefusedException;
import dev.strata.gateway.core.AgentRegistry.AgentInfo;
import dev.strata.gateway.core.LegReports.ClaimedLeg;
import dev.strata.gateway.core.LegReports.LegFailure;
import dev.strata.gateway.core.LegReports.LegResult;
import dev.strata.gateway.core.RunBoard.ClaimContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent API's logic: registration, heartbeats, long-poll claims and leg reports. Which agent
 * gets a leg is decided by the {@code BuildRun} aggregate ({@code ClaimLeg}); this service only
 * picks candidates from the board, tries them in order and moves on when one is refused.
 */
public final class AgentService {
  private static final Logger LOG = LoggerFactory.getLogger(AgentService.class);
  private static final int CANDIDATES = 8;

  private final AgentRegistry agents;
  private final RunBoard board;
  private final Commands commands;
  private final Clock clock;
  private final Duration lease;
  private final ScheduledExecutorService timer;
  private final Supplier<AgentId> newAgentId;
  private final Set<LegRef> inFlight = ConcurrentHashMap.newKeySet();

  public AgentService(
      AgentRegistry agents,
      RunBoard board,
      Commands commands,
      Clock clock,
      Duration lease,
      ScheduledExecutorService timer,
      Supplier<AgentId> newAgentId) {
    this.agents = agents;
    this.board = board;
    this.commands = commands;
    this.clock = clock;
    this.lease = lease;
    this.timer = timer;
    this.newAgentId = newAgentId;
  }

  /** Registers an agent; completes with its new id once {@code AgentRegistered} is stored. */
  public CompletableFuture<AgentId> register(String name, List<RunnerClass> runnerClasses) {
    AgentId id = newAgentId.get();
    Instant now = clock.instant();
    return commands
        .send(new RegisterAgent(id, name, runnerClasses, now))
        .thenApply(
            ok -> {
              agents.registered(
                  new dev.strata.domain.leg.api.AgentRegistered(id, name, runnerClasses, now));
              return id;
            });
  }

  /** Extends every lease the agent holds; completes with how many were extended. */
  public CompletableFuture<Integer> heartbeat(AgentId agent) {
    known(agent);
    Instant now = clock.instant();
    agents.seen(agent, now);
    List<CompletableFuture<Boolean>> extended = new ArrayList<>();
    for (Lease held : board.leasesHeldBy(agent)) {
      extended.add(extend(agent, held.leg(), now));
    }
    return CompletableFuture.allOf(extended.toArray(CompletableFuture[]::new))
        .thenApply(x -> (int) extended.stream().filter(CompletableFuture::join).count());
  }

  /** Long-polls for a leg of the agent's runner classes for up to {@code wait}. */
  public ClaimTicket claim(AgentId agent, Duration wait) {
    AgentInfo info = known(agent);
    agents.seen(agent, clock.instant());
    ClaimTicket ticket = new ClaimTicket();
    poll(info, ticket);
    // armed after the first look-up; the deadline ends the poll only between attempts, so a claim
    // in flight is never cut off
    var timeout =
        timer.schedule(
            () -> {
              ticket.expired = true;
              if (!ticket.busy.get()) {
                ticket.cancel();
              }
            },
            wait.toMillis(),
            TimeUnit.MILLISECONDS);
    ticket.result.whenComplete((r, e) -> timeout.cancel(false));
    return ticket;
  }

  private void poll(AgentInfo info, ClaimTicket ticket) {
    if (ticket.done()) {
      return;
    }
    if (!ticket.busy.compareAndSet(false, true)) {
      ticket.again = true;
      return;
    }
    ticket.again = false;
    tryEach(info, ticket, candidates(info, ticket, CANDIDATES), 0);
  }

  private List<LegRef> candidates(AgentInfo info, ClaimTicket ticket, int max) {
    Set<LegRef> skip = ConcurrentHashMap.newKeySet();
    skip.addAll(inFlight);
    synchronized (ticket.refused) {
      skip.addAll(ticket.refused);
    }
    return board.claimable(info.runnerClasses(), skip, max);
  }

  private void tryEach(AgentInfo info, ClaimTicket ticket, List<LegRef> legs, int i) {
    if (ticket.done()) {
      ticket.busy.set(false);
      return;
    }
    if (i >= legs.size()) {
      ticket.busy.set(false);
      // legs that became claimable meanwhile are tried even past the deadline: every leg tried
      // lands in the ticket's refused set, so this ends
      if (!candidates(info, ticket, 1).isEmpty()) {
        poll(info, ticket);
        return;
      }
      if (ticket.expired) {
        ticket.cancel();
        return;
      }
      board.onClaimable(() -> poll(info, ticket));
      // a leg may have become claimable between the look-up and registering the waiter
      if (ticket.again || !candidates(info, ticket, 1).isEmpty()) {
        poll(info, ticket);
      }
      return;
    }
    LegRef ref = legs.get(i);
    if (!inFlight.add(ref)) {
      tryEach(info, ticket, legs, i + 1);
      return;
    }
    Instant now = clock.instant();
    Instant until = now.plus(lease);
    commands
        .<ClaimOutcome>send(new ClaimLeg(ref.runId(), ref.legId(), info.agentId(), until, now))
        .whenComplete(
            (outcome, err) -> {
              if (err == null && outcome.granted()) {
                granted(info, ticket, ref, outcome);
                inFlight.remove(ref);
                ticket.busy.set(false);
                return;
              }
              inFlight.remove(ref);
              synchronized (ticket.refused) {
                ticket.refused.add(ref);
              }
              if (err != null) {
                LOG.debug("Claim of {} by {} failed: {}", ref, info.agentId(), err.toString());
              }
              tryEach(info, ticket, legs, i + 1);
            });
  }

  private void granted(AgentInfo info, ClaimTicket ticket, LegRef ref, ClaimOutcome outcome) {
    Optional<ClaimContext> context = board.claimContext(ref);
    context.ifPresent(c -> board.claimedHere(ref, c.leg().runnerClass()));
    boolean handedOver =
        context.isPresent()
            && ticket.result.complete(Optional.of(claimed(ref, context.get(), outcome)));
    if (!handedOver) {
      commands
          .send(
              new ReleaseLeg(
                  ref.runId(),
                  ref.legId(),
                  info.agentId(),
                  "the agent's claim request ended before the lease was handed over",
                  clock.instant()))
          .whenComplete(
              (ok, err) -> {
                if (err != null) {
                  LOG.warn("Tried to release {} but failed because: {}", ref, err.toString());
                }
              });
    }
  }

  private static ClaimedLeg claimed(LegRef ref, ClaimContext c, ClaimOutcome outcome) {
    return new ClaimedLeg(
        ref.toString(),
        ref.runId().value(),
        ref.legId().value(),
        c.pipeline(),
        c.leg().runnerClass(),
        c.leg().mergeGroup().value(),
        c.leg().darwin(),
        c.leg().fields(),
        c.trigger(),
        c.concurrencyGroup(),
        outcome.leaseUntil(),
        outcome.attempt());
  }

  /** Keeps log lines and extends the lease; completes false when the agent no longer holds it. */
  public CompletableFuture<Boolean> progress(AgentId agent, LegRef leg, List<String> lines) {
    known(agent);
    Instant now = clock.instant();
    agents.seen(agent, now);
    board.addLogLines(leg, lines);
    return extend(agent, leg, now);
  }

  private CompletableFuture<Boolean> extend(AgentId agent, LegRef leg, Instant now) {
    return commands.send(new ExtendLease(leg.runId(), leg.legId(), agent, now.plus(lease), now));
  }

  /** Records a finished build: pushed by digest, or verified without a push. */
  public CompletableFuture<Void> result(AgentId agent, LegRef leg, LegResult r) {
    known(agent);
    Instant now = clock.instant();
    agents.seen(agent, now);
    Object command =
        r.digest() != null
            ? new RecordArchDigest(
                leg.runId(),
                leg.legId(),
                agent,
                r.digest(),
                r.pushedTo(),
                r.anchor(),
                r.cacheRead(),
                r.cacheWritten(),
                r.provenance(),
                r.steps(),
                r.inputs(),
                now)
            : new RecordLegVerified(
                leg.runId(),
                leg.legId(),
                agent,
                r.pushedTags(),
                r.cacheRead(),
                r.cacheWritten(),
                r.steps(),
                r.inputs(),
                now);
    return commands.send(command).thenApply(x -> null);
  }

  /** Records a failed build. */
  public CompletableFuture<Void> failure(AgentId agent, LegRef leg, LegFailure f) {
    known(agent);
    Instant now = clock.instant();
    agents.seen(agent, now);
    return commands
        .send(
            new RecordLegFailure(
                leg.runId(), leg.legId(), agent, f.failedStep(), f.reason(), f.lastLogLines(), now))
        .thenApply(x -> null);
  }

  private AgentInfo known(AgentId agent) {
    return agents
        .find(agent)
        .orElseThrow(
            () ->
                new NotFound(
                    "Agent "
                        + agent
                        + " is not registered; register first with POST /v1/agents/register"));
  }

  /** Whether a refusal is the run's decision (409) rather than a fault. */
  public static boolean isRefusal(Throwable t) {
    return Commands.cause(t) instanceof RunRefusedException;
  }
}
