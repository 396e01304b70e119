package dev.strata.merge.testing;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.LegKey;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.run.api.ClaimLeg;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.domain.run.api.ReceiveTrigger;
import dev.strata.domain.run.api.RecordArchDigest;
import dev.strata.domain.run.api.RecordLegFailure;
import dev.strata.domain.run.api.RecordMatrix;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Sends the commands the gateway and agents would send for one run of one merge group. */
public final class RunDriver {
  private static final AgentId AGENT = AgentId.of("agent-1");

  /** When every run of the driver happens (pushes at {@code T0 + 60 s}). */
  public static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

  private final CommandGateway commands;
  private final EventStore events;
  public final RunId run;
  public final TagSuffix suffix;

  public RunDriver(CommandGateway commands, EventStore events, RunId run, TagSuffix suffix) {
    this.commands = commands;
    this.events = events;
    this.run = run;
    this.suffix = suffix;
  }

  public LegId leg(String pt) {
    return LegId.linux(LegKey.of(suffix.value(), pt));
  }

  /** {@code keepalive-<run><sfx>-<pt>}. */
  public String keepaliveTag(String pt) {
    return "keepalive-" + run.value() + suffix.value() + "-" + pt;
  }

  public RunDriver start(Trigger trigger) {
    commands.sendAndWait(
        new ReceiveTrigger(run, trigger, "d-" + run, "g-" + run, List.of("backend"), true, T0));
    return this;
  }

  /** Plans the group with legs {@code all}, of which this run builds {@code selected}. */
  public RunDriver plan(List<String> selected, List<String> all, String tagLatest) {
    List<PlannedLeg> legs = new ArrayList<>();
    for (String pt : selected) {
      Map<String, Scalar> fields = new LinkedHashMap<>();
      fields.put("tag-suffix", Scalar.string(suffix.value()));
      fields.put("platform-tag", Scalar.string(pt));
      legs.add(new PlannedLeg(leg(pt), RunnerClass.of("ubuntu-latest"), suffix, false, fields));
    }
    MergeGroup group =
        new MergeGroup(
            suffix,
            tagLatest,
            selected.stream().map(this::leg).toList(),
            all.stream().map(this::leg).toList());
    commands.sendAndWait(
        new RecordMatrix(
            run,
            "backend",
            false,
            "",
            legs,
            List.of(group),
            List.of(),
            List.of(),
            T0.plusSeconds(1)));
    return this;
  }

  public RunDriver pushed(String pt, Digest digest, List<ImageRef> pushedTo, ImageRef anchor) {
    return pushed(pt, digest, pushedTo, anchor, List.of(), List.of());
  }

  /** As {@link #pushed(String, Digest, List, ImageRef)}, recording cache reads and writes. */
  public RunDriver pushed(
      String pt,
      Digest digest,
      List<ImageRef> pushedTo,
      ImageRef anchor,
      List<CacheRef> cacheRead,
      List<CacheRef> cacheWritten) {
    commands.sendAndWait(
        new ClaimLeg(run, leg(pt), AGENT, T0.plusSeconds(3600), T0.plusSeconds(2)));
    commands.sendAndWait(
        new RecordArchDigest(
            run,
            leg(pt),
            AGENT,
            digest,
            pushedTo,
            anchor,
            cacheRead,
            cacheWritten.stream()
                .map(r -> new CacheWrite(r, "mode=max,ignore-error=true"))
                .toList(),
            false,
            StepStats.empty(),
            new BuildInputs(List.of(), "ubuntu:24.04", "", "sha256:d", "sha256:c", "test", "", -1),
            T0.plusSeconds(60)));
    return this;
  }

  /** As {@link #pushed(String, Digest, List, ImageRef)}, with the event time {@code at}. */
  public RunDriver pushedAt(
      String pt, Digest digest, List<ImageRef> pushedTo, ImageRef anchor, Instant at) {
    commands.sendAndWait(
        new ClaimLeg(run, leg(pt), AGENT, T0.plusSeconds(3600), T0.plusSeconds(2)));
    commands.sendAndWait(
        new RecordArchDigest(
            run,
            leg(pt),
            AGENT,
            digest,
            pushedTo,
            anchor,
            List.of(),
            List.of(),
            false,
            StepStats.empty(),
            new BuildInputs(List.of(), "ubuntu:24.04", "", "sha256:d", "sha256:c", "test", "", -1),
            at));
    return this;
  }

  public RunDriver failed(String pt, String reason) {
    commands.sendAndWait(
        new ClaimLeg(run, leg(pt), AGENT, T0.plusSeconds(3600), T0.plusSeconds(2)));
    commands.sendAndWait(
        new RecordLegFailure(run, leg(pt), AGENT, "build", reason, List.of(), T0.plusSeconds(60)));
    return this;
  }

  /** The run's events so far. */
  public List<Object> events() {
    return events.readEvents(run.value()).asStream().map(m -> (Object) m.getPayload()).toList();
  }

  /** Waits until an event of {@code type} matching {@code test} is in the run's stream. */
  public <T> T await(Class<T> type, Predicate<T> test, Duration timeout)
      throws InterruptedException {
    return await(type, test, timeout, Duration.ofMillis(10));
  }

  /** As {@link #await(Class, Predicate, Duration)}, polling every {@code poll}. */
  public <T> T await(Class<T> type, Predicate<T> test, Duration timeout, Duration poll)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (Object e : events()) {
        if (type.isInstance(e) && test.test(type.cast(e))) {
          return type.cast(e);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no "
                + type.getSimpleName()
                + " in run "
                + run
                + " within "
                + timeout
                + ": "
                + events());
      }
      Thread.sleep(poll.toMillis());
    }
  }

  public <T> T await(Class<T> type) throws InterruptedException {
    return await(type, e -> true, Duration.ofSeconds(30));
  }

  /** The events of {@code type} in the run's stream. */
  public <T> List<T> all(Class<T> type) {
    return events().stream().filter(type::isInstance).map(type::cast).toList();
  }
}
