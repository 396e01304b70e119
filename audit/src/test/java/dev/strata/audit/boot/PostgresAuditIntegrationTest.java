package dev.strata.audit.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.audit.Cli;
import dev.strata.audit.TestStores;
import dev.strata.audit.core.seed.RunScript;
import dev.strata.runtime.config.StrataConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay on the local PostgreSQL (fails, never skips, when it is unreachable): the same history
 * written to PostgreSQL and to H2 audits to the same bytes.
 */
class PostgresAuditIntegrationTest {
  @TempDir Path dir;
  final List<String> schemas = new ArrayList<>();

  @AfterEach
  void drop() throws Exception {
    TestStores.dropPostgres(schemas);
  }

  @Test
  void sameHistory_auditsIdenticallyOnPostgresAndH2() throws Exception {
    List<RunScript> history = TestStores.history(40, 11);
    StrataConfig postgres = TestStores.freshPostgres(dir.resolve("pg"), schemas);
    TestStores.write(postgres, history);
    TestStores.write(TestStores.h2(dir.resolve("h2")), history);
    String url =
        postgres.database().url().orElseThrow()
            + "&user="
            + TestStores.PG_USER
            + "&password="
            + TestStores.PG_PASSWORD;

    Cli.Result pg =
        Cli.run(
            "audit",
            "--format",
            "json",
            "--database-url",
            url,
            "--data-dir",
            dir.resolve("pg").toString());
    Cli.Result pgAgain =
        Cli.run(
            "audit",
            "--format",
            "json",
            "--database-url",
            url,
            "--data-dir",
            dir.resolve("pg").toString());
    Cli.Result h2 =
        Cli.run("audit", "--format", "json", "--data-dir", dir.resolve("h2").toString());

    assertThat(pg.exit()).as(pg.err()).isZero();
    assertThat(pg.out()).contains("\"eventsRead\":").isEqualTo(pgAgain.out()).isEqualTo(h2.out());
  }
}
