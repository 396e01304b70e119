package dev.strata.runtime.config;

import dev.strata.runtime.jdbc.JdbcUrls;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration shared by every Strata process. Load it with {@link StrataConfigLoader}; {@link
 * #defaults()} is what an empty file and an empty environment give.
 *
 * @param dataDir where local state lives (the embedded H2 event store, caches); default {@code
 *     ./var}, made absolute
 * @param database the event store: embedded H2 when its URL is absent, else that JDBC URL
 * @param http where the gateway listens
 * @param tokens bearer tokens for the gateway's callers; absent ones are not configured
 * @param profile the build profile file, if any
 * @param processors event processor tuning
 * @param github GitHub settings (the webhook secret)
 */
public record StrataConfig(
    Path dataDir,
    Database database,
    Http http,
    Tokens tokens,
    Optional<Path> profile,
    Processors processors,
    Github github) {

  /** The default data directory, relative to the working directory. */
  public static final Path DEFAULT_DATA_DIR = Path.of("var");

  public StrataConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(processors, "processors");
    Objects.requireNonNull(github, "github");
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  /** Embedded H2 under {@code ./var}, gateway on 127.0.0.1:8080, no tokens, no profile. */
  public static StrataConfig defaults() {
    return new StrataConfig(
        DEFAULT_DATA_DIR,
        Database.embedded(),
        Http.defaults(),
        Tokens.none(),
        Optional.empty(),
        Processors.defaults(),
        Github.none());
  }

  /** This configuration with another data directory (e.g. from {@code --data-dir}). */
  public StrataConfig withDataDir(Path newDataDir) {
    return new StrataConfig(newDataDir, database, http, tokens, profile, processors, github);
  }

  /** This configuration with another event store database. */
  public StrataConfig withDatabase(Database newDatabase) {
    return new StrataConfig(dataDir, newDatabase, http, tokens, profile, processors, github);
  }

  /** This configuration with another HTTP listener. */
  public StrataConfig withHttp(Http newHttp) {
    return new StrataConfig(dataDir, database, newHttp, tokens, profile, processors, github);
  }

  /** This configuration with other bearer tokens. */
  public StrataConfig withTokens(Tokens newTokens) {
    return new StrataConfig(dataDir, database, http, newTokens, profile, processors, github);
  }

  /** This configuration with other processor settings. */
  public StrataConfig withProcessors(Processors newProcessors) {
    return new StrataConfig(dataDir, database, http, tokens, profile, newProcessors, github);
  }

  /** This configuration with another build profile file. */
  public StrataConfig withProfile(Optional<Path> newProfile) {
    return new StrataConfig(dataDir, database, http, tokens, newProfile, processors, github);
  }

  /** This configuration with other GitHub settings. */
  public StrataConfig withGithub(Github newGithub) {
    return new StrataConfig(dataDir, database, http, tokens, profile, processors, newGithub);
  }

  /**
   * The event store database.
   *
   * @param url a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL; absent means the embedded H2
   *     file {@code <dataDir>/strata-events}
   * @param user database user, if the URL does not carry it
   * @param password database password; never printed
   */
  public record Database(Optional<String> url, Optional<String> user, Optional<String> password) {
    public Database {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      url.ifPresent(
          u -> {
            if (!u.startsWith("jdbc:postgresql:") && !u.startsWith("jdbc:h2:")) {
              throw new IllegalArgumentException(
                  "Invalid database URL \""
                      + JdbcUrls.redact(u)
                      + "\": expected jdbc:postgresql://HOST:PORT/DB or jdbc:h2:...");
            }
          });
    }

    /** The embedded H2 database under the data directory. */
    public static Database embedded() {
      return new Database(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A database at {@code url} with the given credentials. */
    public static Database of(String url, String user, String password) {
      return new Database(
          Optional.of(url), Optional.ofNullable(user), Optional.ofNullable(password));
    }

    @Override
    public String toString() {
      return "Database[url="
          + url.map(JdbcUrls::redact).orElse("<embedded H2>")
          + ", user="
          + user.orElse("<none>")
          + ", password="
          + (password.isPresent() ? "***" : "<none>")
          + "]";
    }
  }

  /**
   * Where the gateway listens.
   *
   * @param host interface to bind; default {@code 127.0.0.1}
   * @param port TCP port, 0 for any free one; default 8080
   */
  public record Http(String host, int port) {
    public Http {
      Objects.requireNonNull(host, "host");
      if (host.isBlank()) {
        throw new IllegalArgumentException("Invalid HTTP host \"\": expected a host name or IP");
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(
            "Invalid HTTP port " + port + ": expected 0 (any free port) to 65535");
      }
    }

    /** 127.0.0.1:8080. */
    public static Http defaults() {
      return new Http("127.0.0.1", 8080);
    }
  }

  /**
   * Bearer tokens for the gateway's callers. Never printed.
   *
   * @param ci token for CI (triggers)
   * @param agent token for build agents
   * @param admin token for administrative calls
   */
  public record Tokens(Optional<String> ci, Optional<String> agent, Optional<String> admin) {
    public Tokens {
      Objects.requireNonNull(ci, "ci");
      Objects.requireNonNull(agent, "agent");
      Objects.requireNonNull(admin, "admin");
    }

    /** No tokens configured. */
    public static Tokens none() {
      return new Tokens(Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
      return "Tokens[ci=" + mask(ci) + ", agent=" + mask(agent) + ", admin=" + mask(admin) + "]";
    }

    private static String mask(Optional<String> token) {
      return token.isPresent() ? "***" : "<none>";
    }
  }

  /**
   * Event processor tuning.
   *
   * @param fetchDelayMillis how long the event store's reader waits before polling the database
   *     again when it found nothing new; bounds the latency of an event hop between processes
   * @param batchSize how many available events a processor handles in one transaction (with one
   *     token update). It never waits for a batch to fill, so it costs no latency; but when a
   *     handler fails, the whole batch is rolled back and handled again, so handlers must be
   *     idempotent (delivery is at-least-once anyway)
   */
  public record Processors(long fetchDelayMillis, int batchSize) {
    /** Default poll delay: one hop between JVMs then takes ~10 ms (STACK-NOTES). */
    public static final long DEFAULT_FETCH_DELAY_MILLIS = 15;

    /** Default batch size: one commit per event made replays disk-bound (~170 events/s). */
    public static final int DEFAULT_BATCH_SIZE = 50;

    public Processors {
      if (fetchDelayMillis < 1 || fetchDelayMillis > 60_000) {
        throw new IllegalArgumentException(
            "Invalid fetch delay " + fetchDelayMillis + " ms: expected 1 to 60000");
      }
      if (batchSize < 1 || batchSize > 1000) {
        throw new IllegalArgumentException(
            "Invalid processor batch size " + batchSize + ": expected 1 to 1000");
      }
    }

    /**
     * {@value #DEFAULT_FETCH_DELAY_MILLIS} ms fetch delay, batches of {@value #DEFAULT_BATCH_SIZE}.
     */
    public static Processors defaults() {
      return new Processors(DEFAULT_FETCH_DELAY_MILLIS, DEFAULT_BATCH_SIZE);
    }
  }

  /**
   * GitHub settings. Never printed.
   *
   * @param webhookSecret the secret GitHub signs webhook deliveries with ({@code
   *     X-Hub-Signature-256}); absent, the gateway refuses every webhook
   */
  public record Github(Optional<String> webhookSecret) {
    public Github {
      Objects.requireNonNull(webhookSecret, "webhookSecret");
    }

    /** No GitHub settings. */
    public static Github none() {
      return new Github(Optional.empty());
    }

    @Override
    public String toString() {
      return "Github[webhookSecret=" + (webhookSecret.isPresent() ? "***" : "<none>") + "]";
    }
  }
}
