package dev.strata.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Credentials per registry host, from configuration or a Docker {@code config.json}: {@code auths}
 * entries with a base64 {@code auth} or separate {@code username}/{@code password}, and the
 * credential helpers of {@code credHelpers} (per host) and {@code credsStore} (every other host),
 * run through {@link CredentialHelpers}. A host's {@code credHelpers} entry comes first, then its
 * {@code auths} entry, then {@code credsStore}. A helper is asked once per host.
 */
public final class RegistryCredentials {
  private final Map<String, Credential> byHost;
  private final Map<String, String> helperByHost;
  private final Optional<String> credsStore;
  private final CredentialHelpers helpers;
  private final Map<String, Optional<Credential>> asked = new ConcurrentHashMap<>();

  private RegistryCredentials(
      Map<String, Credential> byHost,
      Map<String, String> helperByHost,
      Optional<String> credsStore,
      CredentialHelpers helpers) {
    this.byHost = Map.copyOf(byHost);
    this.helperByHost = Map.copyOf(helperByHost);
    this.credsStore = credsStore;
    this.helpers = helpers;
  }

  private RegistryCredentials(Map<String, Credential> byHost) {
    this(byHost, Map.of(), Optional.empty(), CredentialHelpers.onPath(null));
  }

  /** No credentials: every registry is used anonymously. */
  public static RegistryCredentials none() {
    return new RegistryCredentials(Map.of());
  }

  /** Credentials given directly, keyed by host ({@code quay.io}, {@code 127.0.0.1:5000}). */
  public static RegistryCredentials of(Map<String, Credential> byHost) {
    Map<String, Credential> normalized = new LinkedHashMap<>();
    byHost.forEach((host, credential) -> normalized.put(normalizeHost(host), credential));
    return new RegistryCredentials(normalized);
  }

  /**
   * The Docker {@code config.json} the docker CLI would read under {@code env}: {@code
   * $DOCKER_CONFIG/config.json}, else {@code $HOME/.docker/config.json}; empty when that file does
   * not exist.
   */
  public static Optional<Path> dockerConfigFile(Map<String, String> env) {
    String dir = env.get("DOCKER_CONFIG");
    Path candidate =
        dir != null && !dir.isEmpty()
            ? Path.of(dir, "config.json")
            : env.containsKey("HOME") ? Path.of(env.get("HOME"), ".docker", "config.json") : null;
    return candidate != null && Files.isRegularFile(candidate)
        ? Optional.of(candidate)
        : Optional.empty();
  }

  /**
   * What the docker CLI would use under {@code env}: its {@code config.json} ({@link
   * #dockerConfigFile}) with helpers on {@code env}'s {@code PATH}; none when there is no file.
   */
  public static RegistryCredentials fromEnvironment(Map<String, String> env) {
    return dockerConfigFile(env)
        .map(f -> fromDockerConfig(f, CredentialHelpers.onPath(env.get("PATH"))))
        .orElseGet(RegistryCredentials::none);
  }

  /** Reads a Docker {@code config.json}; its helpers are looked up on this process's PATH. */
  public static RegistryCredentials fromDockerConfig(Path configJson) {
    return fromDockerConfig(configJson, CredentialHelpers.fromEnvironment());
  }

  /** Reads a Docker {@code config.json} whose credential helpers {@code helpers} runs. */
  public static RegistryCredentials fromDockerConfig(Path configJson, CredentialHelpers helpers) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(configJson));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Tried to read registry credentials from "
              + configJson
              + " but failed because: "
              + e.getMessage(),
          e);
    }
    Map<String, Credential> byHost = new LinkedHashMap<>();
    JsonNode auths = root.path("auths");
    for (Map.Entry<String, JsonNode> entry : auths.properties()) {
      credentialOf(entry.getValue(), configJson, entry.getKey())
          .ifPresent(c -> byHost.put(normalizeHost(entry.getKey()), c));
    }
    Map<String, String> helperByHost = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : root.path("credHelpers").properties()) {
      String name = entry.getValue().asText("");
      if (!name.isEmpty()) {
        helperByHost.put(normalizeHost(entry.getKey()), name);
      }
    }
    String store = root.path("credsStore").asText("");
    return new RegistryCredentials(
        byHost, helperByHost, store.isEmpty() ? Optional.empty() : Optional.of(store), helpers);
  }

  private static Optional<Credential> credentialOf(JsonNode node, Path file, String host) {
    String auth = node.path("auth").asText("");
    if (!auth.isEmpty()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Tried to read the credentials for "
                + host
                + " in "
                + file
                + " but failed because: its \"auth\" is not base64; write base64(user:password)");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "Tried to read the credentials for "
                + host
                + " in "
                + file
                + " but failed because: its \"auth\" does not decode to user:password");
      }
      return Optional.of(new Credential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
    if (node.hasNonNull("username") && node.hasNonNull("password")) {
      return Optional.of(
          new Credential(node.get("username").asText(), node.get("password").asText()));
    }
    return Optional.empty();
  }

  /** The credential for {@code host}, if any (a credential helper may run, once per host). */
  public Optional<Credential> forHost(String host) {
    String h = normalizeHost(host);
    String helper = helperByHost.get(h);
    if (helper == null) {
      Credential given = byHost.get(h);
      if (given != null || credsStore.isEmpty()) {
        return Optional.ofNullable(given);
      }
      helper = credsStore.get();
    }
    String name = helper;
    return asked.computeIfAbsent(h, k -> helpers.get(name, serverUrl(k)));
  }

  /** The server URL helpers know a host by: Docker Hub's is its legacy index address. */
  static String serverUrl(String host) {
    return host.equals("docker.io") ? "https://index.docker.io/v1/" : host;
  }

  /**
   * Merges: credentials given in {@code other} win for hosts both know (and then no helper of this
   * one is asked for that host); helpers of {@code other} win too.
   */
  public RegistryCredentials with(RegistryCredentials other) {
    Map<String, Credential> merged = new LinkedHashMap<>(byHost);
    merged.putAll(other.byHost);
    Map<String, String> helpersByHost = new LinkedHashMap<>(helperByHost);
    other.byHost.keySet().forEach(helpersByHost::remove);
    helpersByHost.putAll(other.helperByHost);
    return new RegistryCredentials(
        merged,
        helpersByHost,
        other.credsStore.isPresent() ? other.credsStore : credsStore,
        other.credsStore.isPresent() || !other.helperByHost.isEmpty() ? other.helpers : helpers);
  }

  /**
   * Reduces a Docker config key ({@code https://index.docker.io/v1/}, {@code quay.io}) to a host;
   * Docker Hub's aliases become {@code docker.io}.
   */
  static String normalizeHost(String raw) {
    String host = raw.trim().toLowerCase(Locale.ROOT);
    int scheme = host.indexOf("://");
    if (scheme >= 0) {
      host = host.substring(scheme + 3);
    }
    int slash = host.indexOf('/');
    if (slash >= 0) {
      host = host.substring(0, slash);
    }
    return switch (host) {
      case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com" -> "docker.io";
      default -> host;
    };
  }

  @Override
  public String toString() {
    return "RegistryCredentials"
        + byHost.keySet()
        + (helperByHost.isEmpty() ? "" : " helpers " + helperByHost)
        + credsStore.map(s -> " store " + s).orElse("");
  }
}
