package dev.strata.launcher;

import dev.strata.matrix.boot.MatrixSettings;
import dev.strata.merge.boot.MergeSettings;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.ConfigException;
import dev.strata.runtime.config.StrataConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedded platform as a library: what {@code strata serve} starts (one event store, the
 * gateway, and the matrix and merge roles when they are configured), started and stopped by a
 * program, e.g. an end-to-end test.
 *
 * <pre>{@code
 * try (EmbeddedPlatform platform =
 *     EmbeddedPlatform.builder(config).profile(profile).repository(repo).merge(merge).start()) {
 *   URI gateway = platform.gateway();
 * }
 * }</pre>
 *
 * <p>Unlike {@code strata serve} it generates no tokens: the gateway's tokens come from the
 * configuration only (the webhook secret, as in serve, from {@code STRATA_GITHUB_WEBHOOK_SECRET}).
 */
public final class EmbeddedPlatform implements AutoCloseable {
  private final Roles.Running running;
  private final List<String> roles;
  private final String host;

  private EmbeddedPlatform(Roles.Running running, List<String> roles, String host) {
    this.running = running;
    this.roles = roles;
    this.host = host;
  }

  /** A builder over {@code config} (its data directory, database, HTTP address and tokens). */
  public static Builder builder(StrataConfig config) {
    return new Builder(config);
  }

  /** The roles running, in start order (e.g. {@code [gateway, matrix, merge]}). */
  public List<String> roles() {
    return roles;
  }

  /** The runtime: event store, command gateway, processors. */
  public StrataRuntime runtime() {
    return running.runtime;
  }

  /** The gateway's base URI, e.g. {@code http://127.0.0.1:41234}. */
  public URI gateway() {
    if (running.gatewayPort < 0) {
      throw new IllegalStateException("This platform runs no gateway; its roles are " + roles);
    }
    return URI.create("http://" + host + ":" + running.gatewayPort);
  }

  /** Stops the roles' edges, then the runtime. */
  @Override
  public void close() {
    running.close();
  }

  /** Chooses the roles' settings; a role without its settings does not run. */
  public static final class Builder {
    private final StrataConfig config;
    private Path profile;
    private Path repository;
    private MergeSettings merge;
    private List<String> roles = List.of();

    private Builder(StrataConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** The profile the matrix role plans with. */
    public Builder profile(Path profile) {
      this.profile = profile;
      return this;
    }

    /** The repository the matrix role plans from. */
    public Builder repository(Path repository) {
      this.repository = repository;
      return this;
    }

    /** The merge role's settings (registries, publishing pipelines). */
    public Builder merge(MergeSettings merge) {
      this.merge = merge;
      return this;
    }

    /** The merge role's settings from a {@code merge.yml}. */
    public Builder mergeConfig(Path file) throws ConfigException {
      this.merge = MergeConfig.load(Objects.requireNonNull(file, "merge config file"));
      return this;
    }

    /** Only these roles (gateway, matrix, merge); default: every configured role. */
    public Builder roles(List<String> roles) {
      this.roles = List.copyOf(roles);
      return this;
    }

    /**
     * Builds and starts the runtime and the roles.
     *
     * @throws ConfigException when the event store cannot be opened
     * @throws IllegalArgumentException when a requested role lacks its settings
     */
    public EmbeddedPlatform start() throws ConfigException {
      Optional<MatrixSettings> matrix =
          profile != null && repository != null
              ? Optional.of(new MatrixSettings(profile, repository))
              : Optional.empty();
      List<String> chosen;
      try {
        chosen =
            Roles.select(
                roles,
                merge != null,
                matrix.isPresent(),
                profile == null ? "no profile given" : "no repository given");
      } catch (UserInputException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
      Roles.Running running = Roles.start(config, chosen, merge, matrix.orElse(null));
      return new EmbeddedPlatform(running, chosen, config.http().host());
    }
  }
}
