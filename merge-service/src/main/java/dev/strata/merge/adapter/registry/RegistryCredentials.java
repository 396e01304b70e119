package dev.strata.merge.adapter.registry;

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

/**
 * Credentials per registry host, from configuration or a Docker {@code config.json} ({@code auths}
 * entries with a base64 {@code auth} or separate {@code username}/{@code password}). Credential
 * helpers ({@code credsStore}, {@code credHelpers}) are not consulted.
 */
public final class RegistryCredentials {
  private final Map<String, Credential> byHost;

  private RegistryCredentials(Map<String, Credential> byHost) {
    this.byHost = Map.copyOf(byHost);
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

  /** Reads the {@code auths} of a Docker {@code config.json}. */
  public static RegistryCredentials fromDockerConfig(Path configJson) {
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
    return new RegistryCredentials(byHost);
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

  /** The credential for {@code host}, if any. */
  public Optional<Credential> forHost(String host) {
    return Optional.ofNullable(byHost.get(normalizeHost(host)));
  }

  /** Merges: entries of {@code other} win for hosts both know. */
  public RegistryCredentials with(RegistryCredentials other) {
    Map<String, Credential> merged = new LinkedHashMap<>(byHost);
    merged.putAll(other.byHost);
    return new RegistryCredentials(merged);
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
    return "RegistryCredentials" + byHost.keySet();
  }
}
