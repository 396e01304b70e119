package dev.strata.gateway.boot;

import dev.strata.gateway.adapter.yaml.YamlProfileSchedules;
import dev.strata.gateway.core.ScheduleSpec;
import dev.strata.gateway.port.AuditReports;
import dev.strata.gateway.port.CacheEvictions;
import dev.strata.runtime.config.StrataConfig;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of the gateway role. Build with {@link #builder()}; {@link Builder#build()} validates.
 *
 * @param host the interface to listen on
 * @param port the port, 0 for any free port
 * @param tokens bearer tokens per role ({@code ci}, {@code agent}, {@code admin})
 * @param webhookSecret the GitHub webhook secret; null refuses every webhook
 * @param bodyLimitBytes the largest request body accepted
 * @param lease how long a claim or heartbeat holds a leg
 * @param maxClaimWait the longest long-poll of a claim
 * @param sweepInterval how often expired leases are swept and pending runs started
 * @param protectReleases whether release (tag push) runs are never cancelled by newer runs of their
 *     group (DOMAIN.md 15.5; false reproduces GitHub exactly)
 * @param pipelines the pipelines a webhook-triggered run plans
 * @param schedules the schedules the platform fires
 * @param scheduleCatchUp how far back a missed slot is still fired at start-up
 * @param clock the clock every command's time comes from
 * @param auditReports the audit behind {@code GET /v1/audit}, or null (answered 503)
 * @param cacheEvictions the cache eviction behind {@code DELETE /v1/cache/{ref}}, or null (503)
 */
public record GatewayOptions(
    String host,
    int port,
    Map<String, List<String>> tokens,
    String webhookSecret,
    long bodyLimitBytes,
    Duration lease,
    Duration maxClaimWait,
    Duration sweepInterval,
    boolean protectReleases,
    List<String> pipelines,
    List<ScheduleSpec> schedules,
    Duration scheduleCatchUp,
    Clock clock,
    AuditReports auditReports,
    CacheEvictions cacheEvictions) {

  public static final long DEFAULT_BODY_LIMIT = 5L * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(GatewayOptions.class);

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The environment variable holding the GitHub webhook secret: the override of the {@code
   * github.webhookSecret} configuration key (the configuration loader's naming rule).
   */
  public static final String WEBHOOK_SECRET_VARIABLE = "STRATA_GITHUB_WEBHOOK_SECRET";

  /**
   * The environment variable holding the agent lease in whole seconds (default 300): how long a
   * claim or heartbeat holds a leg before the sweeper hands it to another agent.
   */
  public static final String LEASE_VARIABLE = "STRATA_AGENT_LEASE_SECONDS";

  /**
   * Options from the shared configuration: its HTTP listener, tokens and webhook secret ({@value
   * #WEBHOOK_SECRET_VARIABLE} in {@code env} wins over {@code github.webhookSecret}), the agent
   * lease from {@value #LEASE_VARIABLE} in {@code env}, and the schedules of its profile, when it
   * names one.
   *
   * @throws IllegalArgumentException when the profile's {@code schedules:} section is malformed
   */
  public static Builder fromConfig(StrataConfig config, Map<String, String> env) {
    Builder b = builder().host(config.http().host()).port(config.http().port());
    config.tokens().ci().ifPresent(t -> b.token("ci", t));
    config.tokens().agent().ifPresent(t -> b.token("agent", t));
    config.tokens().admin().ifPresent(t -> b.token("admin", t));
    String lease = env.get(LEASE_VARIABLE);
    if (lease != null && !lease.isBlank()) {
      b.lease(leaseSeconds(lease));
    }
    config
        .profile()
        .ifPresent(
            p -> {
              if (Files.isRegularFile(p)) {
                b.schedules(YamlProfileSchedules.load(p));
              } else {
                LOG.warn("Profile {} does not exist: the gateway fires no schedules", p);
              }
            });
    String fromEnv = env.get(WEBHOOK_SECRET_VARIABLE);
    return b.webhookSecret(
        fromEnv != null ? fromEnv : config.github().webhookSecret().orElse(null));
  }

  private static Duration leaseSeconds(String raw) {
    try {
      long seconds = Long.parseLong(raw.trim());
      if (seconds >= 1) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        LEASE_VARIABLE
            + ": got \""
            + raw
            + "\"; write a whole number of seconds of at least 1, e.g. "
            + LEASE_VARIABLE
            + "=300");
  }

  /** Builds {@link GatewayOptions}. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8080;
    private final Map<String, List<String>> tokens = new LinkedHashMap<>();
    private String webhookSecret;
    private long bodyLimitBytes = DEFAULT_BODY_LIMIT;
    private Duration lease = Duration.ofMinutes(5);
    private Duration maxClaimWait = Duration.ofSeconds(30);
    private Duration sweepInterval = Duration.ofSeconds(1);
    private boolean protectReleases = true;
    private List<String> pipelines = List.of("backend");
    private final List<ScheduleSpec> schedules = new ArrayList<>();
    private Duration scheduleCatchUp = Duration.ofDays(7);
    private Clock clock = Clock.systemUTC();
    private AuditReports auditReports;
    private CacheEvictions cacheEvictions;

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Adds a bearer token for {@code role}; empty or null tokens are ignored. */
    public Builder token(String role, String token) {
      if (token != null && !token.isEmpty()) {
        tokens.computeIfAbsent(role, r -> new ArrayList<>()).add(token);
      }
      return this;
    }

    public Builder webhookSecret(String secret) {
      this.webhookSecret = secret;
      return this;
    }

    public Builder bodyLimitBytes(long limit) {
      this.bodyLimitBytes = limit;
      return this;
    }

    public Builder lease(Duration lease) {
      this.lease = lease;
      return this;
    }

    public Builder maxClaimWait(Duration wait) {
      this.maxClaimWait = wait;
      return this;
    }

    public Builder sweepInterval(Duration interval) {
      this.sweepInterval = interval;
      return this;
    }

    public Builder protectReleases(boolean protectReleases) {
      this.protectReleases = protectReleases;
      return this;
    }

    public Builder pipelines(List<String> pipelines) {
      this.pipelines = List.copyOf(pipelines);
      return this;
    }

    public Builder schedule(ScheduleSpec spec) {
      this.schedules.add(spec);
      return this;
    }

    /** Adds {@code specs} (e.g. a profile's {@code schedules:} section). */
    public Builder schedules(List<ScheduleSpec> specs) {
      this.schedules.addAll(specs);
      return this;
    }

    public Builder scheduleCatchUp(Duration catchUp) {
      this.scheduleCatchUp = catchUp;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Connects {@code GET /v1/audit} to {@code reports} (the launcher wires the audit). */
    public Builder auditReports(AuditReports reports) {
      this.auditReports = reports;
      return this;
    }

    /** Connects {@code DELETE /v1/cache/{ref}} to {@code evictions} (the merge role's). */
    public Builder cacheEvictions(CacheEvictions evictions) {
      this.cacheEvictions = evictions;
      return this;
    }

    public GatewayOptions build() {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("Invalid gateway port " + port + ": expected 0-65535");
      }
      for (String role : tokens.keySet()) {
        if (!List.of("ci", "agent", "admin").contains(role)) {
          throw new IllegalArgumentException(
              "Invalid token role \"" + role + "\": expected ci, agent or admin");
        }
      }
      if (bodyLimitBytes < 1024) {
        throw new IllegalArgumentException(
            "Invalid body limit " + bodyLimitBytes + " bytes: expected at least 1024");
      }
      if (lease.isNegative() || lease.isZero() || maxClaimWait.isNegative()) {
        throw new IllegalArgumentException("Lease and claim wait must be positive");
      }
      Map<String, List<String>> copy = new LinkedHashMap<>();
      tokens.forEach((r, t) -> copy.put(r, List.copyOf(t)));
      return new GatewayOptions(
          host,
          port,
          Map.copyOf(copy),
          webhookSecret,
          bodyLimitBytes,
          lease,
          maxClaimWait,
          sweepInterval,
          protectReleases,
          pipelines,
          List.copyOf(schedules),
          scheduleCatchUp,
          clock,
          auditReports,
          cacheEvictions);
    }
  }

  @Override
  public String toString() {
    // never print tokens or the webhook secret
    return "GatewayOptions[host=" + host + ", port=" + port + ", roles=" + tokens.keySet() + "]";
  }
}
