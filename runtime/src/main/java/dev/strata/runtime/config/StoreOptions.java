package dev.strata.runtime.config;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every command that opens the event store shares ({@code --config}, {@code
 * --data-dir}, {@code --database-url}), as a picocli mixin.
 */
public final class StoreOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: $STRATA_CONFIG, else ./strata.yml if present).")
  Path configFile;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the embedded event store and local state live (default: ./var).")
  Path dataDir;

  @Option(
      names = "--database-url",
      paramLabel = "JDBC_URL",
      description =
          "Shared event store, e.g. jdbc:postgresql://127.0.0.1:5432/strata (default: embedded H2)."
              + " User and password from STRATA_DATABASE_USER / STRATA_DATABASE_PASSWORD.")
  String databaseUrl;

  /** Loads the configuration: file, then environment, then these options. */
  public StrataConfig load() throws ConfigException {
    StrataConfig config =
        configFile != null
            ? StrataConfigLoader.load(configFile, System.getenv())
            : StrataConfigLoader.loadDefault(System.getenv(), Path.of("").toAbsolutePath());
    if (dataDir != null) {
      config = config.withDataDir(dataDir);
    }
    if (databaseUrl != null) {
      StrataConfig.Database db = config.database();
      try {
        config =
            config.withDatabase(
                new StrataConfig.Database(Optional.of(databaseUrl), db.user(), db.password()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--database-url: " + e.getMessage(), e);
      }
    }
    return config;
  }
}
