package dev.strata.runtime.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.strata.runtime.config.ConfigException;
import dev.strata.runtime.config.StrataConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;

/**
 * The database behind the event store and token store: embedded H2 file {@code
 * <dataDir>/strata-events} by default, PostgreSQL (or another H2) when the configuration gives a
 * JDBC URL. Owns the connection pool and the {@link JdbcTransactionManager} over it.
 */
public final class EventStoreDatabase implements AutoCloseable {

  /** Base name of the embedded H2 database file inside the data directory. */
  public static final String EMBEDDED_NAME = "strata-events";

  // org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1
  private static final int H2_DATABASE_ALREADY_OPEN = 90020;

  /** The SQL dialects Strata's event store runs on. */
  public enum Dialect {
    /** H2 2.x in native mode. */
    H2(H2EventTableFactory.INSTANCE, GenericTokenTableFactory.INSTANCE),
    /** PostgreSQL. */
    POSTGRESQL(PostgresEventTableFactory.INSTANCE, PostgresTokenTableFactory.INSTANCE);

    private final EventTableFactory eventTables;
    private final TokenTableFactory tokenTables;

    Dialect(EventTableFactory eventTables, TokenTableFactory tokenTables) {
      this.eventTables = eventTables;
      this.tokenTables = tokenTables;
    }

    /** Creates the event and snapshot tables. */
    public EventTableFactory eventTables() {
      return eventTables;
    }

    /** Creates the token table. */
    public TokenTableFactory tokenTables() {
      return tokenTables;
    }
  }

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final String displayUrl;
  private final JdbcTransactionManager transactionManager;

  private EventStoreDatabase(HikariDataSource pool, Dialect dialect, String displayUrl) {
    this.pool = pool;
    this.dialect = dialect;
    this.displayUrl = displayUrl;
    this.transactionManager = new JdbcTransactionManager(pool);
  }

  /**
   * Opens the pool for {@code config}'s database and checks that it answers. Creates the data
   * directory if needed and checks that it is writable.
   *
   * @throws ConfigException naming the directory or the URL (without password) and the cause
   */
  public static EventStoreDatabase open(StrataConfig config) throws ConfigException {
    ensureWritable(config.dataDir());
    StrataConfig.Database db = config.database();
    String url = db.url().orElseGet(() -> embeddedUrl(config.dataDir()));
    Dialect dialect = url.startsWith("jdbc:postgresql:") ? Dialect.POSTGRESQL : Dialect.H2;
    String shown = JdbcUrls.redact(url);

    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("strata-events");
    hikari.setJdbcUrl(url);
    db.user().ifPresent(hikari::setUsername);
    db.password().ifPresent(hikari::setPassword);
    hikari.setAutoCommit(false);
    hikari.setMaximumPoolSize(8);
    hikari.setMinimumIdle(1);
    hikari.setConnectionTimeout(TimeUnit.SECONDS.toMillis(10));
    // fail in the constructor, with the driver's reason, when the database does not answer
    hikari.setInitializationFailTimeout(1);
    if (dialect == Dialect.POSTGRESQL) {
      hikari.addDataSourceProperty("connectTimeout", "5");
    }
    try {
      return new EventStoreDatabase(new HikariDataSource(hikari), dialect, shown);
    } catch (HikariPool.PoolInitializationException | IllegalArgumentException e) {
      throw new ConfigException(
          "Tried to connect to the event store at " + shown + " but failed because: " + reason(e),
          e);
    }
  }

  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
        return "another process has it open (the embedded H2 store serves one process; stop"
            + " the other one, or share a PostgreSQL store via database.url)";
      }
      // the driver's own message says most ("Connection to HOST:PORT refused. Check ...")
      if (t instanceof SQLException && t.getMessage() != null) {
        Throwable root = rootCause(t);
        return firstLine(t.getMessage())
            + (root == t
                ? ""
                : " (" + root.getClass().getSimpleName() + ": " + rootMessage(root) + ")");
      }
    }
    return rootMessage(e);
  }

  /** The H2 URL of the embedded event store under {@code dataDir}. */
  public static String embeddedUrl(Path dataDir) {
    // AUTO_SERVER's TCP server would listen on every interface; keep it on loopback
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
    // LOCK_TIMEOUT: token claims and appends wait for each other rather than fail after 1 s.
    // AUTO_SERVER: a second process (strata events, strata trigger) can open the file while
    // strata serve holds it; the first opener serves the others over loopback. (H2 refuses
    // AUTO_SERVER together with DB_CLOSE_ON_EXIT=FALSE, so H2 closes the file on JVM exit.)
    return "jdbc:h2:file:"
        + dataDir.resolve(EMBEDDED_NAME).toAbsolutePath()
        + ";LOCK_TIMEOUT=10000;AUTO_SERVER=TRUE";
  }

  private static void ensureWritable(Path dir) throws ConfigException {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new ConfigException(
          "Tried to use data directory "
              + dir
              + " but failed because: it is not writable ("
              + e
              + "); set dataDir or STRATA_DATA_DIR to a writable directory",
          e);
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = rootCause(e);
    return firstLine(root.getMessage() == null ? root.toString() : root.getMessage());
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  /**
   * Creates the event, snapshot and token tables when absent.
   *
   * @throws ConfigException naming the URL when the DDL fails (e.g. no privilege)
   */
  public void createSchemaIfAbsent(EventSchema schema, TokenSchema tokenSchema)
      throws ConfigException {
    // the factories write CREATE TABLE IF NOT EXISTS; run them in autocommit mode
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement s = dialect.eventTables().createDomainEventTable(c, schema)) {
        s.executeUpdate();
      }
      try (PreparedStatement s = dialect.eventTables().createSnapshotEventTable(c, schema)) {
        s.executeUpdate();
      }
      try (PreparedStatement s = dialect.tokenTables().createTable(c, tokenSchema)) {
        s.executeUpdate();
      }
    } catch (SQLException e) {
      throw new ConfigException(
          "Tried to create the event store tables in "
              + displayUrl
              + " but failed because: "
              + rootMessage(e),
          e);
    }
  }

  /** Maps a lost race on (aggregate id, sequence number) to Axon's concurrency exceptions. */
  public PersistenceExceptionResolver persistenceExceptionResolver() {
    // SQLSTATE 23505 = unique violation, on PostgreSQL and on H2 alike
    return new SQLStateResolver("23505");
  }

  /**
   * The highest global index in the event table, or -1 when it is empty: a cheap query (primary
   * key) that proves the store answers.
   */
  public long headIndex(EventSchema schema) throws SQLException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(true);
      try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT MAX("
                      + schema.globalIndexColumn()
                      + ") FROM "
                      + schema.domainEventTable());
          ResultSet rs = s.executeQuery()) {
        rs.next();
        long max = rs.getLong(1);
        return rs.wasNull() ? -1 : max;
      }
    }
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return pool;
  }

  /** The transaction manager (and Axon connection provider) over the pool. */
  public JdbcTransactionManager transactionManager() {
    return transactionManager;
  }

  /** Which SQL dialect the database speaks. */
  public Dialect dialect() {
    return dialect;
  }

  /** The JDBC URL without any password, fit to print. */
  public String displayUrl() {
    return displayUrl;
  }

  /** Closes the pool (and with it an embedded H2 database). */
  @Override
  public void close() {
    pool.close();
  }
}
