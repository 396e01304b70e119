package dev.strata.audit;

import dev.strata.audit.core.seed.HistoryGenerator;
import dev.strata.audit.core.seed.HistoryWriter;
import dev.strata.audit.core.seed.RunScript;
import dev.strata.audit.core.seed.SeedMatrix;
import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.runtime.DomainModule;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StrataConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Event stores for the audit's tests: embedded H2 in a test directory, or a fresh schema in the
 * local PostgreSQL ({@code STRATA_TEST_PG_URL}, default jdbc:postgresql://127.0.0.1:5432/strata,
 * strata/strata). An unreachable PostgreSQL fails the test; it is never skipped. Histories are
 * written through the aggregates only.
 */
public final class TestStores {
  public static final String PG_URL =
      env("STRATA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/strata");
  public static final String PG_USER = env("STRATA_TEST_PG_USER", "strata");
  public static final String PG_PASSWORD = env("STRATA_TEST_PG_PASSWORD", "strata");

  private TestStores() {}

  public static StrataConfig h2(Path dataDir) {
    return StrataConfig.defaults().withDataDir(dataDir);
  }

  /** Creates a schema in the test PostgreSQL and returns a configuration using it. */
  public static StrataConfig freshPostgres(Path dataDir, List<String> created) throws Exception {
    String schema =
        "strata_audit_"
            + UUID.randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 12)
                .toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    created.add(schema);
    String url = PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    return h2(dataDir).withDatabase(StrataConfig.Database.of(url, PG_USER, PG_PASSWORD));
  }

  public static void dropPostgres(List<String> schemas) throws Exception {
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      for (String schema : schemas) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /** The scripts of a synthetic history of {@code runs} runs (deterministic for a seed). */
  public static List<RunScript> history(int runs, long seed) {
    List<RunScript> scripts = new ArrayList<>();
    new HistoryGenerator(
            SeedMatrix.synthetic("quay.io/go-skynet/ci-cache"),
            new HistoryGenerator.Settings(
                runs,
                seed,
                LocalDate.parse("2026-01-03"),
                WeekKeyStyle.CALENDAR_YEAR,
                Repository.parse("mudler/LocalAI")))
        .generate(scripts::add);
    return scripts;
  }

  /** Writes {@code scripts} through the aggregates, one after the other (a deterministic log). */
  public static void write(StrataConfig config, List<RunScript> scripts) throws Exception {
    try (StrataRuntime runtime =
            StrataRuntime.builder(config).install(new DomainModule()).build().start();
        HistoryWriter writer =
            new HistoryWriter(
                runtime.configuration().commandBus(), runtime.transactionManager(), 1)) {
      for (RunScript script : scripts) {
        writer.execute(script);
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
