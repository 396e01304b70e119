package dev.strata.launcher;

import dev.strata.audit.boot.AuditWiring;
import dev.strata.domain.audit.api.AuditService;
import dev.strata.gateway.boot.GatewayModule;
import dev.strata.gateway.boot.GatewayOptions;
import dev.strata.gateway.boot.GatewayRole;
import dev.strata.gateway.port.CacheEvictions;
import dev.strata.gateway.port.CacheEvictions.Failure;
import dev.strata.matrix.boot.MatrixRole;
import dev.strata.matrix.boot.MatrixSettings;
import dev.strata.merge.boot.CacheContext;
import dev.strata.merge.boot.MergeRole;
import dev.strata.merge.boot.MergeSettings;
import dev.strata.merge.core.CacheEvictionRefused;
import dev.strata.merge.core.CacheEvictor;
import dev.strata.runtime.DomainModule;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.StrataRuntimeBuilder;
import dev.strata.runtime.config.ConfigException;
import dev.strata.runtime.config.StrataConfig;
import dev.strata.runtime.registry.RegistryException;
import java.util.ArrayList;
import java.util.List;

/**
 * The composition root of a process: which roles it runs. {@code strata serve} runs every role in
 * one JVM; a role command runs one.
 */
final class Roles {
  static final String GATEWAY = "gateway";
  static final String MERGE = MergeRole.NAME;
  static final String MATRIX = MatrixRole.NAME;

  private Roles() {}

  /**
   * The roles {@code strata serve} starts, in order. The merge role needs to know its registries
   * ({@code merge.yml}); without them it is left out and serve says so.
   */
  static List<String> embedded(boolean withMerge) {
    return embedded(withMerge, false);
  }

  /**
   * As {@link #embedded(boolean)}; the matrix role also needs a profile and a repository and is
   * left out without them.
   */
  static List<String> embedded(boolean withMerge, boolean withMatrix) {
    List<String> roles = new ArrayList<>(List.of(GATEWAY));
    if (withMatrix) {
      roles.add(MATRIX);
    }
    if (withMerge) {
      roles.add(MERGE);
    }
    return List.copyOf(roles);
  }

  /**
   * The roles a process runs: {@code requested} (from {@code --roles}) when given, each checked for
   * the settings it needs; otherwise every role that is configured.
   */
  static List<String> select(
      List<String> requested, boolean withMerge, boolean withMatrix, String matrixMissing) {
    if (requested == null || requested.isEmpty()) {
      return embedded(withMerge, withMatrix);
    }
    List<String> roles = new ArrayList<>();
    for (String raw : requested) {
      String role = raw.trim();
      switch (role) {
        case GATEWAY -> {}
        case MATRIX -> {
          if (!withMatrix) {
            throw new UserInputException(
                "--roles names 'matrix' but the matrix role cannot run: " + matrixMissing);
          }
        }
        case MERGE -> {
          if (!withMerge) {
            throw new UserInputException(
                "--roles names 'merge' but the merge role cannot run: no merge.yml in the working"
                    + " directory; give --merge-config FILE");
          }
        }
        default ->
            throw new UserInputException(
                "--roles: unknown role '"
                    + role
                    + "'; write a comma-separated list of gateway, matrix, merge");
      }
      if (!roles.contains(role)) {
        roles.add(role);
      }
    }
    return List.copyOf(roles);
  }

  /** Builds (not starts) a runtime with the domain's aggregates and the given roles' parts. */
  static StrataRuntime runtime(StrataConfig config, List<String> roles) throws ConfigException {
    return runtime(config, roles, null);
  }

  /** As {@link #runtime(StrataConfig, List)}, with the merge role's settings when it runs. */
  static StrataRuntime runtime(StrataConfig config, List<String> roles, MergeSettings merge)
      throws ConfigException {
    return runtime(config, roles, merge, null);
  }

  /** As {@link #runtime(StrataConfig, List)}, with the merge and matrix roles' settings. */
  static StrataRuntime runtime(
      StrataConfig config, List<String> roles, MergeSettings merge, MatrixSettings matrix)
      throws ConfigException {
    StrataRuntimeBuilder builder = StrataRuntime.builder(config).install(new DomainModule());
    for (String role : roles) {
      switch (role) {
        case GATEWAY -> builder.install(new GatewayModule());
        case MERGE -> builder.install(MergeRole.module(merge));
        case MATRIX -> builder.install(MatrixRole.module(matrix));
        default -> throw new UserInputException("unknown role '" + role + "'");
      }
    }
    return builder.build();
  }

  /**
   * Connects the gateway's admin routes to the services behind them: {@code GET /v1/audit} to the
   * audit of this process's event store, {@code DELETE /v1/cache/{ref}} to the merge-service's
   * cache eviction when its registry settings ({@code merge.yml}) are given.
   */
  static GatewayOptions.Builder adminPorts(
      GatewayOptions.Builder options, StrataRuntime runtime, MergeSettings merge) {
    AuditService audit = AuditWiring.auditService(runtime);
    options.auditReports(audit::auditJson);
    if (merge != null) {
      // only the context's parts: closing the context would close the runtime
      CacheContext cache = CacheContext.over(runtime, merge);
      CacheEvictor evictor =
          new CacheEvictor(
              cache.registry(), cmd -> cache.commands().sendAndWait(cmd), cache.clock());
      options.cacheEvictions(
          (ref, reason, by, force) -> {
            try {
              CacheEvictor.Evicted e = evictor.evict(ref, reason, by, force);
              return new CacheEvictions.Evicted(e.ref(), e.digest(), e.alsoRemoved());
            } catch (CacheEvictionRefused e) {
              throw new CacheEvictions.EvictionFailed(
                  e.isNotFound() ? Failure.NOT_FOUND : Failure.SHARED_DIGEST, e.getMessage(), e);
            } catch (RegistryException e) {
              throw new CacheEvictions.EvictionFailed(Failure.REGISTRY, e.getMessage(), e);
            }
          });
    }
    return options;
  }

  private static GatewayOptions.Builder gatewayOptions(StrataConfig config) throws ConfigException {
    try {
      return GatewayOptions.fromConfig(config, System.getenv());
    } catch (IllegalArgumentException e) {
      // a malformed schedules: section in the profile
      throw new ConfigException(e.getMessage(), e);
    }
  }

  /** A started process: the runtime and whatever each role runs beside it. */
  static final class Running implements AutoCloseable {
    final StrataRuntime runtime;
    final List<String> endpoints = new ArrayList<>();
    private final List<AutoCloseable> parts = new ArrayList<>();
    // the port the gateway listens on, -1 when this process runs no gateway
    int gatewayPort = -1;

    Running(StrataRuntime runtime) {
      this.runtime = runtime;
    }

    @Override
    public void close() {
      for (int i = parts.size() - 1; i >= 0; i--) {
        try {
          parts.get(i).close();
        } catch (Exception e) {
          System.err.println("strata: stopping a role failed: " + e);
        }
      }
      runtime.close();
    }
  }

  /** Builds the runtime, starts it, then starts each role's own edge (HTTP server, agents). */
  static Running start(StrataConfig config, List<String> roles, MergeSettings merge)
      throws ConfigException {
    return start(config, roles, merge, null);
  }

  /** As {@link #start(StrataConfig, List, MergeSettings)}, with the matrix role's settings. */
  static Running start(
      StrataConfig config, List<String> roles, MergeSettings merge, MatrixSettings matrix)
      throws ConfigException {
    // read the gateway's settings (the profile's schedules) before anything starts
    GatewayOptions.Builder gatewayOptions = roles.contains(GATEWAY) ? gatewayOptions(config) : null;
    if (gatewayOptions != null) {
      gatewayOptions.build();
    }
    Running running = new Running(runtime(config, roles, merge, matrix).start());
    try {
      if (gatewayOptions != null) {
        GatewayOptions options = adminPorts(gatewayOptions, running.runtime, merge).build();
        var gateway = GatewayRole.start(running.runtime.configuration(), options);
        running.parts.add(gateway);
        running.gatewayPort = gateway.port();
        running.endpoints.add("gateway: http://" + options.host() + ":" + gateway.port() + "/");
      }
    } catch (RuntimeException e) {
      running.close();
      throw e;
    }
    return running;
  }
}
