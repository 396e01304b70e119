package dev.strata.runtime.testing;

import dev.strata.runtime.config.StrataConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Event store configurations for tests: an embedded H2 file database in a directory the test owns,
 * or a fresh schema in the local PostgreSQL.
 *
 * <p>PostgreSQL is found through {@code STRATA_TEST_PG_URL}, {@code STRATA_TEST_PG_USER} and {@code
 * STRATA_TEST_PG_PASSWORD} (defaults {@value #DEFAULT_PG_URL}, strata, strata). An unreachable
 * PostgreSQL fails the test; it is never skipped.
 */
public final class TestDatabases {

  /** The local PostgreSQL that {@code scripts/setup} starts. */
  public static final String DEFAULT_PG_URL = "jdbc:postgresql://127.0.0.1:5432/strata";

  /** Fetch delay used in tests: short, so cross-runtime hops are quick. */
  public static final long TEST_FETCH_DELAY_MILLIS = 10;

  private TestDatabases() {}

  /** A configuration whose event store is the embedded H2 file under {@code dataDir}. */
  public static StrataConfig h2(Path dataDir) {
    return StrataConfig.defaults()
        .withDataDir(dataDir)
        .withProcessors(
            new StrataConfig.Processors(
                TEST_FETCH_DELAY_MILLIS, StrataConfig.Processors.DEFAULT_BATCH_SIZE));
  }

  /** The PostgreSQL JDBC URL tests use. */
  public static String postgresUrl() {
    return env("STRATA_TEST_PG_URL", DEFAULT_PG_URL);
  }

  /** The PostgreSQL user tests use. */
  public static String postgresUser() {
    return env("STRATA_TEST_PG_USER", "strata");
  }

  /** The PostgreSQL password tests use. */
  public static String postgresPassword() {
    return env("STRATA_TEST_PG_PASSWORD", "strata");
  }

  /**
   * Creates an empty schema in the test PostgreSQL; close it to drop the schema with everything in
   * it.
   *
   * @throws SQLException when PostgreSQL is unreachable: tests fail rather than skip
   */
  public static PostgresSchema freshPostgresSchema() throws SQLException {
    String name = "strata_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c =
            DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    }
    return new PostgresSchema(name.toLowerCase(Locale.ROOT));
  }

  /** A throwaway PostgreSQL schema. */
  public static final class PostgresSchema implements AutoCloseable {
    private final String name;

    private PostgresSchema(String name) {
      this.name = name;
    }

    /** The schema name. */
    public String name() {
      return name;
    }

    /** The JDBC URL whose connections work in this schema. */
    public String url() {
      String base = postgresUrl();
      return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /**
     * A configuration whose event store lives in this schema; local state under {@code dataDir}.
     */
    public StrataConfig config(Path dataDir) {
      return h2(dataDir)
          .withDatabase(StrataConfig.Database.of(url(), postgresUser(), postgresPassword()));
    }

    /** Drops the schema and everything in it. */
    @Override
    public void close() throws SQLException {
      try (Connection c =
              DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword());
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
