package dev.strata.runtime.contract;

import dev.strata.runtime.config.StrataConfig;
import dev.strata.runtime.testing.TestDatabases;
import java.nio.file.Path;

/** The event store contract on the embedded H2 file database (a new one in a temp dir per test). */
class H2EventStoreContractIntegrationTest extends EventStoreContract {

  @Override
  protected StrataConfig freshStore(Path dataDir) {
    return TestDatabases.h2(dataDir);
  }
}
