package dev.strata.gateway.boot;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.model.Agent;
import dev.strata.domain.trigger.model.ScheduleSlot;
import dev.strata.gateway.adapter.http.HttpApi;
import dev.strata.gateway.core.AgentService;
import dev.strata.gateway.core.Commands;
import dev.strata.gateway.core.Concurrency;
import dev.strata.gateway.core.EventLog;
import dev.strata.gateway.core.GatewayHealth;
import dev.strata.gateway.core.GatewayProjection;
import dev.strata.gateway.core.LaneStarter;
import dev.strata.gateway.core.LeaseSweeper;
import dev.strata.gateway.core.ScheduleFirer;
import dev.strata.gateway.core.TriggerAdmission;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's composition root, and the API the launcher uses to run it in any JVM: {@link
 * #configure(Configurer)} before the Axon configuration is built (aggregates, projection), then
 * {@link #start(Configuration, GatewayOptions)} once it is started. The only place that names
 * concrete adapters.
 */
public final class GatewayRole {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayRole.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private GatewayRole() {}

  /**
   * Registers the gateway's aggregates ({@code Agent}, {@code ScheduleSlot}), its projection and
   * the projection's in-memory token store (every process rebuilds its read models from the log).
   * The {@code BuildRun} aggregate is the caller's to register, once per process.
   */
  public static void configure(Configurer configurer) {
    configurer.registerComponent(GatewayState.class, c -> new GatewayState());
    configurer.configureAggregate(Agent.class);
    configurer.configureAggregate(ScheduleSlot.class);
    configurer
        .eventProcessing()
        .registerTokenStore(GatewayProjection.GROUP, c -> new InMemoryTokenStore())
        .registerEventHandler(
            c -> {
              GatewayState s = c.getComponent(GatewayState.class);
              return new GatewayProjection(s.board, s.lanes, s.agents, () -> s.laneChanged.run());
            });
  }

  /** Starts the HTTP server and the gateway's timers on a started Axon configuration. */
  public static RunningGateway start(Configuration axon, GatewayOptions options) {
    GatewayState state = axon.getComponent(GatewayState.class);
    if (state == null) {
      throw new IllegalStateException(
          "Tried to start the gateway but failed because: GatewayRole.configure(configurer) was"
              + " not called before the Axon configuration was built");
    }
    Clock clock = options.clock();
    ExecutorService blocking = Executors.newFixedThreadPool(4, threads("strata-gateway-io"));
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(threads("strata-gateway-timer"));
    ExecutorService offload =
        axon.commandBus() instanceof AsynchronousCommandBus
            ? null
            : Executors.newFixedThreadPool(8, threads("strata-gateway-commands"));
    Commands commands = new Commands(axon.commandGateway(), offload);
    EventLog log = new EventLog(axon.eventStore());
    GatewayHealth health = new GatewayHealth(axon);
    AtomicBoolean caughtUp = new AtomicBoolean();
    BooleanSupplier isCaughtUp =
        () -> {
          if (!caughtUp.get() && health.caughtUp(GatewayProjection.GROUP)) {
            caughtUp.set(true);
          }
          return caughtUp.get();
        };
    LaneStarter starter = new LaneStarter(state.lanes, state.board, commands, clock, isCaughtUp);
    state.laneChanged = starter::reconcile;
    TriggerAdmission admission =
        new TriggerAdmission(
            new Concurrency(options.protectReleases()),
            state.lanes,
            commands,
            log,
            blocking,
            clock);
    AgentService agentService =
        new AgentService(
            state.agents,
            state.board,
            commands,
            clock,
            options.lease(),
            timer,
            GatewayRole::newAgentId);
    LeaseSweeper sweeper = new LeaseSweeper(state.board, commands, clock);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ScheduleFirer firer =
        new ScheduleFirer(
            options.schedules(), commands, admission, clock, options.scheduleCatchUp(), registry);
    long every = Math.max(50, options.sweepInterval().toMillis());
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            sweeper.sweep();
            starter.reconcile();
            // schedules admit runs through the lanes: fire only once the lanes are rebuilt
            if (isCaughtUp.getAsBoolean()) {
              firer.tick();
            }
          } catch (RuntimeException e) {
            LOG.warn("Gateway housekeeping failed; retrying next tick", e);
          }
        },
        every,
        every,
        TimeUnit.MILLISECONDS);

    Vertx vertx = Vertx.vertx();
    try {
      HttpApi.Parts parts =
          new HttpApi.Parts(
              state.board,
              log,
              commands,
              admission,
              agentService,
              state.agents,
              health,
              registry,
              blocking,
              clock,
              options.auditReports(),
              options.cacheEvictions());
      HttpApi.Settings settings =
          new HttpApi.Settings(
              options.tokens(),
              options.webhookSecret(),
              options.bodyLimitBytes(),
              options.maxClaimWait(),
              options.lease(),
              options.pipelines());
      if (options.webhookSecret() == null) {
        LOG.warn("No GitHub webhook secret configured: every webhook will be refused with 401");
      }
      Router router = HttpApi.router(vertx, parts, settings).await();
      HttpServer server =
          vertx
              .createHttpServer(
                  new HttpServerOptions().setHost(options.host()).setPort(options.port()))
              .requestHandler(router)
              .listen()
              .await();
      LOG.info("Gateway listening on {}:{}", options.host(), server.actualPort());
      return new Running(server, vertx, timer, blocking, offload);
    } catch (RuntimeException e) {
      vertx.close();
      timer.shutdownNow();
      blocking.shutdownNow();
      if (offload != null) {
        offload.shutdownNow();
      }
      throw e;
    }
  }

  private record Running(
      HttpServer server,
      Vertx vertx,
      ScheduledExecutorService timer,
      ExecutorService blocking,
      ExecutorService offload)
      implements RunningGateway {
    @Override
    public int port() {
      return server.actualPort();
    }

    @Override
    public void close() {
      timer.shutdownNow();
      try {
        server.close().await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        LOG.warn("The HTTP server did not stop within 10 s");
      } finally {
        blocking.shutdownNow();
        if (offload != null) {
          offload.shutdownNow();
        }
      }
    }
  }

  private static AgentId newAgentId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    StringBuilder sb = new StringBuilder("agent-");
    for (int i = 0; i < 16; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return AgentId.of(sb.toString());
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
