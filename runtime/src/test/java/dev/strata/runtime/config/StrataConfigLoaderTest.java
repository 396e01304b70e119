package dev.strata.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrataConfigLoaderTest {

  @TempDir Path dir;

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("strata.yml"), yaml);
  }

  @Test
  void goodFile_setsEveryKey() throws Exception {
    Path file =
        write(
            """
            dataDir: /srv/strata
            database:
              url: jdbc:postgresql://db.example:5432/strata
              user: strata
              password: s3cret
            http:
              host: 0.0.0.0
              port: 9090
            tokens:
              ci: ci-token
              agent: agent-token
              admin: admin-token
            profile: /etc/strata/localai.yml
            processors:
              fetchDelayMillis: 20
              batchSize: 7
            """);

    StrataConfig config = StrataConfigLoader.load(file, Map.of());

    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/strata"));
    assertThat(config.database().url()).contains("jdbc:postgresql://db.example:5432/strata");
    assertThat(config.database().user()).contains("strata");
    assertThat(config.database().password()).contains("s3cret");
    assertThat(config.http()).isEqualTo(new StrataConfig.Http("0.0.0.0", 9090));
    assertThat(config.tokens())
        .isEqualTo(
            new StrataConfig.Tokens(
                Optional.of("ci-token"), Optional.of("agent-token"), Optional.of("admin-token")));
    assertThat(config.profile()).contains(Path.of("/etc/strata/localai.yml"));
    assertThat(config.processors()).isEqualTo(new StrataConfig.Processors(20, 7));
  }

  @Test
  void noFileAndNoEnvironment_givesTheDefaults() throws Exception {
    StrataConfig config = StrataConfigLoader.load(null, Map.of());

    assertThat(config).isEqualTo(StrataConfig.defaults());
    assertThat(config.dataDir()).isEqualTo(Path.of("var").toAbsolutePath());
    assertThat(config.database().url()).isEmpty();
    assertThat(config.http()).isEqualTo(new StrataConfig.Http("127.0.0.1", 8080));
    assertThat(config.processors()).isEqualTo(new StrataConfig.Processors(15, 50));
  }

  @Test
  void emptyFile_givesTheDefaults() throws Exception {
    assertThat(StrataConfigLoader.load(write(""), Map.of())).isEqualTo(StrataConfig.defaults());
  }

  @Test
  void unknownTopLevelKey_namesFileLineAndTheKnownKeys() throws Exception {
    Path file =
        write(
            """
            dataDir: /srv/strata
            http:
              port: 9090
            # the database
            databse:
              url: jdbc:postgresql://127.0.0.1/strata
            """);

    assertThatThrownBy(() -> StrataConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file
                + ":5: unknown key 'databse'; expected one of: dataDir, database, http, tokens,"
                + " profile, processors, github");
  }

  @Test
  void unknownNestedKey_namesItsSection() throws Exception {
    Path file = write("database:\n  url: jdbc:postgresql://127.0.0.1/strata\n  usr: strata\n");

    assertThatThrownBy(() -> StrataConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            file + ":3: unknown key 'usr' in 'database'; expected one of: url, user, password");
  }

  @Test
  void sectionGivenAsScalar_saysToWriteAMapping() throws Exception {
    Path file = write("http: 8080\n");

    assertThatThrownBy(() -> StrataConfigLoader.load(file, Map.of()))
        .hasMessage(file + ":1: 'http' is a section; write it as a mapping with keys: host, port");
  }

  @Test
  void duplicateKey_isRejected() throws Exception {
    Path file = write("dataDir: a\ndataDir: b\n");

    assertThatThrownBy(() -> StrataConfigLoader.load(file, Map.of()))
        .hasMessage(file + ":2: duplicate key 'dataDir'; keep only one");
  }

  @Test
  void malformedPort_namesFileLineKeyAndValue() throws Exception {
    Path file = write("http:\n  port: eighty\n");

    assertThatThrownBy(() -> StrataConfigLoader.load(file, Map.of()))
        .hasMessage(
            file
                + ":2: http.port must be a TCP port from 0 (any free port) to 65535; got 'eighty'");
  }

  @Test
  void invalidYaml_namesFileAndLine() throws Exception {
    Path file = write("dataDir: /srv\nhttp:\n\tport: 8080\n");

    assertThatThrownBy(() -> StrataConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(file + ":3: not valid YAML: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void missingFile_isNamed() {
    Path missing = dir.resolve("nope.yml");

    assertThatThrownBy(() -> StrataConfigLoader.load(missing, Map.of()))
        .hasMessage(
            "Tried to read configuration file "
                + missing
                + " but failed because: it does not exist");
  }

  @Test
  void environment_overridesTheFile() throws Exception {
    Path file = write("dataDir: /from/file\nhttp:\n  port: 9090\ndatabase:\n  user: file-user\n");

    StrataConfig config =
        StrataConfigLoader.load(
            file,
            Map.of(
                "STRATA_DATA_DIR", "/from/env",
                "STRATA_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/strata",
                "STRATA_DATABASE_PASSWORD", "env-secret",
                "STRATA_HTTP_PORT", "7070",
                "STRATA_TOKENS_CI", "ci-from-env",
                "STRATA_PROCESSORS_FETCH_DELAY_MILLIS", "12",
                "STRATA_TEST_PG_URL", "jdbc:postgresql://ignored/x"));

    assertThat(config.dataDir()).isEqualTo(Path.of("/from/env"));
    assertThat(config.database().url()).contains("jdbc:postgresql://127.0.0.1:5432/strata");
    assertThat(config.database().user()).contains("file-user");
    assertThat(config.database().password()).contains("env-secret");
    assertThat(config.http().port()).isEqualTo(7070);
    assertThat(config.tokens().ci()).contains("ci-from-env");
    assertThat(config.processors().fetchDelayMillis()).isEqualTo(12);
  }

  @Test
  void emptyEnvironmentVariable_resetsTheKeyToItsDefault() throws Exception {
    Path file = write("database:\n  url: jdbc:postgresql://127.0.0.1/strata\n");

    StrataConfig config = StrataConfigLoader.load(file, Map.of("STRATA_DATABASE_URL", ""));

    assertThat(config.database().url()).isEmpty();
  }

  @Test
  void malformedEnvironmentValue_namesTheVariable() {
    assertThatThrownBy(() -> StrataConfigLoader.load(null, Map.of("STRATA_HTTP_PORT", "70000")))
        .hasMessage(
            "environment variable STRATA_HTTP_PORT: http.port must be a TCP port from 0 (any free"
                + " port) to 65535; got '70000'");
  }

  @Test
  void nonJdbcDatabaseUrl_isRejectedWithoutPrintingThePassword() throws Exception {
    Path file = write("database:\n  url: postgres://strata:hunter2@db/strata?password=hunter2\n");

    assertThatThrownBy(() -> StrataConfigLoader.load(file, Map.of()))
        .hasMessageStartingWith(file + ":2: database.url must be a JDBC URL")
        .hasMessageNotContaining("hunter2");
  }

  @ParameterizedTest
  @CsvSource({
    "dataDir, STRATA_DATA_DIR",
    "database.url, STRATA_DATABASE_URL",
    "database.user, STRATA_DATABASE_USER",
    "database.password, STRATA_DATABASE_PASSWORD",
    "http.host, STRATA_HTTP_HOST",
    "http.port, STRATA_HTTP_PORT",
    "tokens.admin, STRATA_TOKENS_ADMIN",
    "profile, STRATA_PROFILE",
    "processors.fetchDelayMillis, STRATA_PROCESSORS_FETCH_DELAY_MILLIS",
    "processors.batchSize, STRATA_PROCESSORS_BATCH_SIZE",
    "github.webhookSecret, STRATA_GITHUB_WEBHOOK_SECRET"
  })
  void envName_followsTheDocumentedRule(String key, String variable) {
    assertThat(StrataConfigLoader.envName(key)).isEqualTo(variable);
  }

  @Test
  void everyKeyHasAnEnvironmentVariable() throws Exception {
    assertThat(StrataConfigLoader.KEYS).hasSize(13);
    for (String key : StrataConfigLoader.KEYS) {
      assertThat(StrataConfigLoader.envName(key)).startsWith("STRATA_").doesNotContain(".");
    }
  }

  @Test
  void loadDefault_prefersTheFileNamedByStrataConfig() throws Exception {
    Files.writeString(dir.resolve("strata.yml"), "http:\n  port: 1111\n");
    Files.writeString(dir.resolve("other.yml"), "http:\n  port: 2222\n");

    assertThat(StrataConfigLoader.loadDefault(Map.of(), dir).http().port()).isEqualTo(1111);
    assertThat(
            StrataConfigLoader.loadDefault(Map.of("STRATA_CONFIG", "other.yml"), dir).http().port())
        .isEqualTo(2222);
  }

  @Test
  void secrets_areNotPrinted() throws Exception {
    StrataConfig config =
        StrataConfigLoader.load(
            null,
            Map.of(
                "STRATA_DATABASE_URL",
                "jdbc:postgresql://127.0.0.1/strata?user=strata&password=pw-in-url",
                "STRATA_DATABASE_PASSWORD",
                "pw-field",
                "STRATA_TOKENS_ADMIN",
                "admin-token",
                "STRATA_GITHUB_WEBHOOK_SECRET",
                "hook-secret"));

    assertThat(config.github().webhookSecret()).hasValue("hook-secret");
    assertThat(config.toString())
        .doesNotContain("hook-secret")
        .doesNotContain("pw-in-url")
        .doesNotContain("pw-field")
        .doesNotContain("admin-token")
        .contains("password=***");
  }

  @Test
  void githubWebhookSecret_comesFromTheFile_andTheVariableWins() throws Exception {
    Path file = write("github:\n  webhookSecret: from-file\n");

    assertThat(StrataConfigLoader.load(file, Map.of()).github().webhookSecret())
        .hasValue("from-file");
    assertThat(
            StrataConfigLoader.load(file, Map.of("STRATA_GITHUB_WEBHOOK_SECRET", "from-env"))
                .github()
                .webhookSecret())
        .hasValue("from-env");
    assertThat(
            StrataConfigLoader.load(file, Map.of("STRATA_GITHUB_WEBHOOK_SECRET", ""))
                .github()
                .webhookSecret())
        .isEmpty();
  }
}
