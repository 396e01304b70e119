package dev.strata.runtime.contract;

import dev.strata.runtime.config.StrataConfig;
import dev.strata.runtime.testing.TestDatabases;
import dev.strata.runtime.testing.TestDatabases.PostgresSchema;
import java.nio.file.Path;

/**
 * The event store contract on the local PostgreSQL (a new schema per test). Fails, never skips,
 * when PostgreSQL is unreachable: CI starts it.
 */
class PostgresEventStoreContractIntegrationTest extends EventStoreContract {

  private PostgresSchema schema;

  @Override
  protected StrataConfig freshStore(Path dataDir) throws Exception {
    schema = TestDatabases.freshPostgresSchema();
    return schema.config(dataDir);
  }

  @Override
  protected void dropStore() throws Exception {
    if (schema != null) {
      schema.close();
    }
  }
}
