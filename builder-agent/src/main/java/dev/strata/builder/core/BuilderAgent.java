package dev.strata.builder.core;

import dev.strata.builder.port.BuildException;
import dev.strata.builder.port.BuildOutcome;
import dev.strata.builder.port.SourceCheckout;
import dev.strata.builder.port.SourceCheckout.Workspace;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.model.BuildPlan;
import dev.strata.domain.leg.model.BuildPlanner;
import dev.strata.domain.leg.model.LegProfile;
import dev.strata.domain.leg.model.LegRequest;
import dev.strata.domain.leg.model.RootImagePlanner;
import dev.strata.domain.leg.model.RootImageProfile;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.runtime.agent.AgentRegistration;
import dev.strata.runtime.agent.ClaimedLeg;
import dev.strata.runtime.agent.GatewayClient;
import dev.strata.runtime.agent.GatewayException;
import dev.strata.runtime.agent.LegFailureReport;
import dev.strata.runtime.agent.LegResultReport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The build agent's loop: registers with the gateway, then each of its {@code parallelism} workers
 * long-polls for a leg, checks out the trigger's commit, plans the leg, builds it with {@link
 * LegBuilder} while streaming progress, and reports the result or the failure (failing step and
 * last 50 log lines). A heartbeat thread keeps the leases alive.
 *
 * <p>{@link #stop()} (SIGTERM) stops claiming, lets running builds finish for up to the drain time,
 * then kills them; a killed leg is not reported, so its lease expires and another agent builds it.
 * A leg whose lease the gateway says is lost is stopped and dropped the same way.
 */
public final class BuilderAgent {
  private static final Logger LOG = LoggerFactory.getLogger(BuilderAgent.class);

  /**
   * How the agent runs.
   *
   * @param name the agent's name at the gateway
   * @param runnerClasses the runner classes it builds for
   * @param parallelism how many legs it builds at once
   * @param drain how long {@link #stop()} waits for running builds
   * @param progressInterval how often progress is sent
   */
  public record Settings(
      String name,
      List<RunnerClass> runnerClasses,
      int parallelism,
      Duration drain,
      Duration progressInterval) {
    public Settings {
      runnerClasses = List.copyOf(runnerClasses);
      if (runnerClasses.isEmpty()) {
        throw new IllegalArgumentException(
            "Invalid runner classes []: give at least one, e.g. --runner-class ubuntu-latest");
      }
      if (parallelism < 1) {
        throw new IllegalArgumentException(
            "Invalid parallelism " + parallelism + ": expected 1 or more");
      }
    }
  }

  private final GatewayClient gateway;
  private final SourceCheckout checkout;
  private final LegBuilder legs;
  private final LegProfile profile;
  private final Optional<RootImageProfile> rootImage;
  private final Clock clock;
  private final Settings settings;
  private final Consumer<LegTimings> timings;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final List<Worker> workers = new ArrayList<>();
  private volatile AgentRegistration registration;
  private Thread heartbeat;

  public BuilderAgent(
      GatewayClient gateway,
      SourceCheckout checkout,
      LegBuilder legs,
      LegProfile profile,
      Clock clock,
      Settings settings,
      Consumer<LegTimings> timings) {
    this(gateway, checkout, legs, profile, Optional.empty(), clock, settings, timings);
  }

  /**
   * An agent that also builds root image legs: legs claimed for {@code rootImage}'s pipeline are
   * planned with {@link RootImagePlanner} (DOMAIN.md 4.8), every other leg as a backend leg.
   */
  public BuilderAgent(
      GatewayClient gateway,
      SourceCheckout checkout,
      LegBuilder legs,
      LegProfile profile,
      Optional<RootImageProfile> rootImage,
      Clock clock,
      Settings settings,
      Consumer<LegTimings> timings) {
    this.gateway = gateway;
    this.checkout = checkout;
    this.legs = legs;
    this.profile = profile;
    this.rootImage = rootImage;
    this.clock = clock;
    this.settings = settings;
    this.timings = timings;
  }

  /** Registers and starts the workers and the heartbeat; returns at once. */
  public synchronized AgentRegistration start() throws GatewayException, InterruptedException {
    registration = gateway.register(settings.name(), settings.runnerClasses());
    LOG.info(
        "Registered as {} for {} (lease {} s)",
        registration.agentId(),
        settings.runnerClasses(),
        registration.lease().toSeconds());
    for (int slot = 0; slot < settings.parallelism(); slot++) {
      Worker w = new Worker(slot);
      workers.add(w);
      w.thread.start();
    }
    heartbeat = new Thread(this::heartbeats, "heartbeat");
    heartbeat.setDaemon(true);
    heartbeat.start();
    return registration;
  }

  /**
   * Stops claiming, waits up to the drain time for running builds, then stops them. Blocks until
   * every worker has ended.
   */
  public void stop() throws InterruptedException {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    LOG.info("Stopping: no more claims; draining running builds for up to {}", settings.drain());
    for (Worker w : workers) {
      if (!w.building) {
        w.thread.interrupt();
      }
    }
    long deadline = System.nanoTime() + settings.drain().toNanos();
    for (Worker w : workers) {
      w.thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      if (w.thread.isAlive()) {
        LOG.warn("Leg still building after the drain time; stopping it (its lease will expire)");
        w.thread.interrupt();
        w.thread.join();
      }
    }
    if (heartbeat != null) {
      heartbeat.interrupt();
    }
  }

  /** Blocks until the workers end (after {@link #stop()}). */
  public void awaitTermination() throws InterruptedException {
    for (Worker w : workers) {
      w.thread.join();
    }
  }

  /** The gateway no longer knows this agent (it restarted on a fresh store): register again. */
  private synchronized void reRegister(GatewayException cause) {
    try {
      AgentRegistration fresh = gateway.register(settings.name(), settings.runnerClasses());
      LOG.warn(
          "The gateway did not know agent {} ({}); registered again as {}",
          registration.agentId(),
          cause.getMessage(),
          fresh.agentId());
      registration = fresh;
    } catch (GatewayException e) {
      LOG.warn("Registering again failed: {}", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void heartbeats() {
    Duration every = registration.lease().dividedBy(3);
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Thread.sleep(Math.max(1000, every.toMillis()));
        gateway.heartbeat(registration.agentId());
      } catch (InterruptedException e) {
        return;
      } catch (GatewayException e) {
        LOG.warn("Heartbeat failed: {}", e.getMessage());
      }
    }
  }

  private final class Worker {
    final int slot;
    final Thread thread;
    volatile boolean building;

    Worker(int slot) {
      this.slot = slot;
      this.thread = new Thread(this::loop, "builder-" + slot);
    }

    void loop() {
      Duration backoff = Duration.ofSeconds(1);
      while (!stopping.get()) {
        try {
          Optional<ClaimedLeg> leg = gateway.claim(registration.agentId(), registration.maxWait());
          backoff = Duration.ofSeconds(1);
          if (leg.isPresent()) {
            building = true;
            try {
              handle(leg.get(), slot);
            } finally {
              building = false;
            }
          }
        } catch (InterruptedException e) {
          if (stopping.get()) {
            return;
          }
          Thread.interrupted();
        } catch (GatewayException e) {
          if (e.status() == 404) {
            reRegister(e);
          }
          LOG.warn("Claim failed ({}); retrying in {} s", e.getMessage(), backoff.toSeconds());
          if (!sleep(backoff)) {
            return;
          }
          backoff =
              backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                  ? Duration.ofSeconds(30)
                  : backoff.multipliedBy(2);
        }
      }
    }

    private boolean sleep(Duration d) {
      try {
        Thread.sleep(d.toMillis());
        return true;
      } catch (InterruptedException e) {
        return !stopping.get();
      }
    }

    void handle(ClaimedLeg leg, int slot) throws InterruptedException {
      AgentId agent = registration.agentId();
      long start = System.nanoTime();
      Thread self = Thread.currentThread();
      ProgressStream progress =
          new ProgressStream(
              gateway, agent, leg.leg(), settings.progressInterval(), self::interrupt);
      LOG.info("Building {} (attempt {})", leg.leg(), leg.attempt());
      try {
        LegResultReport report = build(leg, slot, progress);
        progress.close();
        long t = System.nanoTime();
        gateway.result(agent, leg.leg(), report);
        progress.phase("report", Duration.ofNanos(System.nanoTime() - t));
        LegTimings lt =
            new LegTimings(
                leg.leg(), progress.phases(), Duration.ofNanos(System.nanoTime() - start));
        LOG.info("Built {}", lt.summary());
        timings.accept(lt);
      } catch (BuildException e) {
        progress.close();
        LOG.info("Leg {} failed at {}: {}", leg.leg(), e.failedStep(), e.reason());
        report(agent, leg, new LegFailureReport(e.failedStep(), e.reason(), e.lastLogLines()));
      } catch (SourceCheckout.CheckoutException e) {
        progress.close();
        report(agent, leg, new LegFailureReport("checkout", e.getMessage(), List.of()));
      } catch (InterruptedException e) {
        progress.close();
        if (progress.leaseLost()) {
          LOG.info("Dropped {}: its lease went to another agent", leg.leg());
          Thread.interrupted();
          return;
        }
        throw e;
      } catch (GatewayException e) {
        // the build happened but the report did not arrive: the lease expires and it is rebuilt
        LOG.error("Could not report {}: {}", leg.leg(), e.getMessage());
      } catch (RuntimeException e) {
        progress.close();
        LOG.error("Leg {} failed inside the agent", leg.leg(), e);
        report(agent, leg, new LegFailureReport("agent", e.toString(), List.of()));
      }
    }

    private LegResultReport build(ClaimedLeg leg, int slot, ProgressStream progress)
        throws BuildException, SourceCheckout.CheckoutException, InterruptedException {
      if (leg.darwin()) {
        throw new BuildException(
            "plan", "Darwin leg " + leg.legId() + " was handed to a Linux builder", List.of());
      }
      if (leg.trigger().sha() == null) {
        throw new BuildException(
            "checkout", "the trigger of " + leg.runId() + " names no commit", List.of());
      }
      LinuxEntry entry = new LinuxEntry(leg.fields());
      Optional<RootImageProfile> root = rootImage.filter(r -> r.pipeline().equals(leg.pipeline()));
      if (root.isEmpty() && entry.dockerfile().isEmpty()) {
        throw new BuildException(
            "plan",
            "leg "
                + leg.legId()
                + " of pipeline "
                + leg.pipeline()
                + " names no dockerfile; if it is a root image leg, give the profile"
                + " builder.rootImage with pipeline: "
                + leg.pipeline(),
            List.of());
      }
      long t = System.nanoTime();
      Workspace ws =
          checkout.checkout(
              leg.trigger().repository(),
              leg.trigger().sha(),
              leg.trigger().ref(),
              root.map(RootImageProfile::context).orElse(entry.string("context")),
              slot);
      progress.phase("checkout", Duration.ofNanos(System.nanoTime() - t));
      t = System.nanoTime();
      BuildPlan plan;
      try {
        LegRequest request =
            new LegRequest(leg.runId(), leg.trigger(), entry, clock.instant(), ws.commitTime());
        plan =
            root.isPresent()
                ? RootImagePlanner.plan(profile, root.get(), request)
                : BuildPlanner.plan(profile, request);
      } catch (IllegalArgumentException e) {
        throw new BuildException("plan", e.getMessage(), List.of());
      }
      progress.phase("plan", Duration.ofNanos(System.nanoTime() - t));
      LegBuild built = legs.build(plan, ws.dir(), ws.contextDigest(), progress);
      BuildOutcome o = built.outcome();
      return new LegResultReport(
          o.digest(),
          o.pushedTo(),
          o.anchor(),
          o.pushedTags(),
          o.cacheRead(),
          o.cacheWritten(),
          plan.push().provenance(),
          o.steps(),
          built.inputs());
    }

    private void report(AgentId agent, ClaimedLeg leg, LegFailureReport failure)
        throws InterruptedException {
      try {
        gateway.failure(agent, leg.leg(), failure);
      } catch (GatewayException e) {
        LOG.error("Could not report the failure of {}: {}", leg.leg(), e.getMessage());
      }
    }
  }
}
