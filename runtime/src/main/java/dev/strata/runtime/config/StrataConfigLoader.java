package dev.strata.runtime.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.strata.runtime.jdbc.JdbcUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads {@link StrataConfig} from a YAML file plus {@code STRATA_*} environment variables.
 *
 * <p>The file (optional) holds these keys; every one has a default:
 *
 * <pre>
 * dataDir: ./var                # local state; embedded event store in &lt;dataDir&gt;/strata-events
 * database:                     # absent url = embedded H2
 *   url: jdbc:postgresql://127.0.0.1:5432/strata
 *   user: strata
 *   password: strata
 * http: {host: 127.0.0.1, port: 8080}
 * tokens: {ci: ..., agent: ..., admin: ...}
 * profile: path/to/profile.yml
 * processors: {fetchDelayMillis: 15, batchSize: 50}
 * github: {webhookSecret: ...}  # or STRATA_GITHUB_WEBHOOK_SECRET; never printed
 * </pre>
 *
 * <p>Environment override rule: every key has one variable, {@code STRATA_} followed by the key's
 * path with dots and camel-case word breaks turned into underscores, upper-cased: {@code dataDir}
 * is {@code STRATA_DATA_DIR}, {@code database.url} is {@code STRATA_DATABASE_URL}, {@code
 * processors.fetchDelayMillis} is {@code STRATA_PROCESSORS_FETCH_DELAY_MILLIS}. A variable wins
 * over the file; an empty variable resets the key to its default. Other {@code STRATA_*} variables
 * are not keys and are ignored ({@code STRATA_CONFIG} names the file, see {@link #loadDefault(Map,
 * Path)}).
 *
 * <p>Unknown keys and malformed values are a {@link ConfigException} naming the file and line (or
 * the variable) and what to write instead.
 */
public final class StrataConfigLoader {

  /** Environment variable naming the configuration file. */
  public static final String CONFIG_FILE_VARIABLE = "STRATA_CONFIG";

  /** File looked for in the working directory when {@value #CONFIG_FILE_VARIABLE} is not set. */
  public static final String DEFAULT_FILE_NAME = "strata.yml";

  /** Every key, in the order the documentation lists them. Adding a key starts here. */
  static final List<String> KEYS =
      List.of(
          "dataDir",
          "database.url",
          "database.user",
          "database.password",
          "http.host",
          "http.port",
          "tokens.ci",
          "tokens.agent",
          "tokens.admin",
          "profile",
          "processors.fetchDelayMillis",
          "processors.batchSize",
          "github.webhookSecret");

  private static final YAMLFactory YAML = new YAMLFactory();

  private StrataConfigLoader() {}

  /**
   * Loads the file named by {@code STRATA_CONFIG}, else {@code strata.yml} in {@code workingDir}
   * when it exists, else only the environment and defaults.
   */
  public static StrataConfig loadDefault(Map<String, String> env, Path workingDir)
      throws ConfigException {
    String named = env.get(CONFIG_FILE_VARIABLE);
    if (named != null && !named.isBlank()) {
      return load(workingDir.resolve(named), env);
    }
    Path candidate = workingDir.resolve(DEFAULT_FILE_NAME);
    return load(Files.isRegularFile(candidate) ? candidate : null, env);
  }

  /**
   * Loads {@code file} (may be {@code null}: no file) and applies {@code env} on top.
   *
   * @throws ConfigException on a missing or unreadable file, invalid YAML, an unknown key or a
   *     malformed value
   */
  public static StrataConfig load(Path file, Map<String, String> env) throws ConfigException {
    Map<String, Setting> settings = new LinkedHashMap<>();
    if (file != null) {
      settings.putAll(readFile(file));
    }
    for (String key : KEYS) {
      String variable = envName(key);
      String value = env.get(variable);
      if (value != null) {
        settings.put(
            key, new Setting(value.isEmpty() ? null : value, "environment variable " + variable));
      }
    }
    return bind(settings);
  }

  /** The environment variable that overrides {@code key}, e.g. {@code STRATA_DATA_DIR}. */
  public static String envName(String key) {
    StringBuilder name = new StringBuilder("STRATA_");
    for (char c : key.toCharArray()) {
      if (c == '.') {
        name.append('_');
      } else if (Character.isUpperCase(c)) {
        name.append('_').append(c);
      } else {
        name.append(Character.toUpperCase(c));
      }
    }
    return name.toString();
  }

  private record Setting(String value, String source) {}

  private static Map<String, Setting> readFile(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "Tried to read configuration file " + file + " but failed because: it does not exist");
    } catch (IOException e) {
      throw new ConfigException(
          "Tried to read configuration file " + file + " but failed because: " + e, e);
    }
    Map<String, Setting> settings = new LinkedHashMap<>();
    try (JsonParser parser = YAML.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null || first == JsonToken.VALUE_NULL) {
        return settings;
      }
      if (first != JsonToken.START_OBJECT) {
        throw new ConfigException(
            at(file, parser)
                + ": expected a mapping of settings at the top level; see keys "
                + String.join(", ", childrenOf("")));
      }
      readMapping(file, parser, "", settings);
      if (parser.nextToken() != null) {
        throw new ConfigException(
            at(file, parser) + ": expected one YAML document; remove the second one");
      }
    } catch (JsonProcessingException e) {
      throw syntaxError(file, e);
    } catch (IOException e) {
      throw new ConfigException(
          "Tried to read configuration file " + file + " but failed because: " + e, e);
    }
    return settings;
  }

  private static ConfigException syntaxError(Path file, JsonProcessingException e) {
    // SnakeYAML knows the problem and where it is; Jackson's own message adds context lines
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      return new ConfigException(
          file
              + ":"
              + (marked.getProblemMark().getLine() + 1)
              + ": not valid YAML: "
              + firstLine(marked.getProblem()),
          e);
    }
    JsonLocation where = e.getLocation();
    String line = where == null ? "" : ":" + where.getLineNr();
    return new ConfigException(
        file + line + ": not valid YAML: " + firstLine(e.getOriginalMessage()), e);
  }

  private static void readMapping(
      Path file, JsonParser parser, String section, Map<String, Setting> out)
      throws IOException, ConfigException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      String where = at(file, parser);
      String key = section.isEmpty() ? name : section + "." + name;
      boolean leaf = KEYS.contains(key);
      if (!leaf && childrenOf(key).isEmpty()) {
        throw new ConfigException(
            where
                + ": unknown key '"
                + name
                + "'"
                + (section.isEmpty() ? "" : " in '" + section + "'")
                + "; expected one of: "
                + String.join(", ", childrenOf(section)));
      }
      if (out.containsKey(key) || out.keySet().stream().anyMatch(k -> k.startsWith(key + "."))) {
        throw new ConfigException(where + ": duplicate key '" + key + "'; keep only one");
      }
      JsonToken value = parser.nextToken();
      if (leaf) {
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          throw new ConfigException(
              where + ": '" + key + "' takes a single value, not a list or mapping");
        }
        out.put(key, new Setting(value == JsonToken.VALUE_NULL ? null : parser.getText(), where));
      } else if (value == JsonToken.START_OBJECT) {
        readMapping(file, parser, key, out);
      } else if (value != JsonToken.VALUE_NULL) {
        throw new ConfigException(
            where
                + ": '"
                + key
                + "' is a section; write it as a mapping with keys: "
                + String.join(", ", childrenOf(key)));
      }
    }
  }

  /** The direct children of {@code section} ("" for the top level), in documentation order. */
  private static List<String> childrenOf(String section) {
    String prefix = section.isEmpty() ? "" : section + ".";
    return KEYS.stream()
        .filter(k -> k.startsWith(prefix))
        .map(k -> k.substring(prefix.length()))
        .map(rest -> rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest)
        .distinct()
        .collect(Collectors.toList());
  }

  private static String at(Path file, JsonParser parser) {
    return file + ":" + parser.currentTokenLocation().getLineNr();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable document";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  private static StrataConfig bind(Map<String, Setting> s) throws ConfigException {
    StrataConfig d = StrataConfig.defaults();
    Path dataDir = path(s, "dataDir").orElse(d.dataDir());
    Optional<String> url = text(s, "database.url");
    if (url.isPresent()
        && !url.get().startsWith("jdbc:postgresql:")
        && !url.get().startsWith("jdbc:h2:")) {
      throw invalid(
          s.get("database.url"),
          "database.url",
          "a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/strata (or jdbc:h2:...)",
          JdbcUrls.redact(url.get()));
    }
    StrataConfig.Database database =
        new StrataConfig.Database(url, text(s, "database.user"), text(s, "database.password"));
    String host = text(s, "http.host").orElse(d.http().host());
    int port =
        number(s, "http.port", 0, 65535, "a TCP port from 0 (any free port) to 65535")
            .map(Long::intValue)
            .orElse(d.http().port());
    StrataConfig.Tokens tokens =
        new StrataConfig.Tokens(
            text(s, "tokens.ci"), text(s, "tokens.agent"), text(s, "tokens.admin"));
    long fetchDelay =
        number(s, "processors.fetchDelayMillis", 1, 60_000, "milliseconds from 1 to 60000")
            .orElse(d.processors().fetchDelayMillis());
    int batchSize =
        number(s, "processors.batchSize", 1, 1000, "a number of events from 1 to 1000")
            .map(Long::intValue)
            .orElse(d.processors().batchSize());
    return new StrataConfig(
        dataDir,
        database,
        new StrataConfig.Http(host, port),
        tokens,
        path(s, "profile"),
        new StrataConfig.Processors(fetchDelay, batchSize),
        new StrataConfig.Github(text(s, "github.webhookSecret")));
  }

  private static Optional<String> text(Map<String, Setting> s, String key) throws ConfigException {
    Setting setting = s.get(key);
    if (setting == null || setting.value() == null) {
      return Optional.empty();
    }
    if (setting.value().isBlank()) {
      throw invalid(setting, key, "a non-blank value (or leave the key out)", setting.value());
    }
    return Optional.of(setting.value());
  }

  private static Optional<Path> path(Map<String, Setting> s, String key) throws ConfigException {
    return convert(s, key, Path::of, "a file system path");
  }

  private static Optional<Long> number(
      Map<String, Setting> s, String key, long min, long max, String expected)
      throws ConfigException {
    Optional<Long> value = convert(s, key, Long::valueOf, expected);
    if (value.isPresent() && (value.get() < min || value.get() > max)) {
      throw invalid(s.get(key), key, expected, s.get(key).value());
    }
    return value;
  }

  private static <T> Optional<T> convert(
      Map<String, Setting> s, String key, Function<String, T> parse, String expected)
      throws ConfigException {
    Optional<String> raw = text(s, key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(raw.get().trim()));
    } catch (NumberFormatException | InvalidPathException e) {
      throw invalid(s.get(key), key, expected, raw.get());
    }
  }

  private static ConfigException invalid(
      Setting setting, String key, String expected, String shown) {
    return new ConfigException(
        setting.source() + ": " + key + " must be " + expected + "; got '" + shown + "'");
  }
}
