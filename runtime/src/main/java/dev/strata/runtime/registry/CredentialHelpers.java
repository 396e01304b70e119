package dev.strata.runtime.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Docker credential helpers ({@code credsStore} and {@code credHelpers} in {@code config.json}):
 * {@code docker-credential-<name> get} is found on a search path, given the registry's server URL
 * on standard input and answers {@code {"ServerURL":..,"Username":..,"Secret":..}}. A helper that
 * is missing, fails or knows no credentials for the registry yields none (the registry is then used
 * anonymously and says so by refusing); the secret is never logged.
 */
public final class CredentialHelpers {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialHelpers.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 20;

  private final List<Path> searchPath;

  private CredentialHelpers(List<Path> searchPath) {
    this.searchPath = List.copyOf(searchPath);
  }

  /** Helpers found on {@code path}, a {@code PATH}-style list of directories (null: none). */
  public static CredentialHelpers onPath(String path) {
    List<Path> dirs = new ArrayList<>();
    if (path != null) {
      for (String d : path.split(File.pathSeparator)) {
        if (!d.isBlank()) {
          dirs.add(Path.of(d));
        }
      }
    }
    return new CredentialHelpers(dirs);
  }

  /** Helpers on this process's {@code PATH}. */
  public static CredentialHelpers fromEnvironment() {
    return onPath(System.getenv("PATH"));
  }

  /**
   * What helper {@code name} holds for {@code serverUrl} ({@code quay.io}, {@code
   * https://index.docker.io/v1/}).
   */
  public Optional<Credential> get(String name, String serverUrl) {
    Optional<Path> helper = find("docker-credential-" + name);
    if (helper.isEmpty()) {
      LOG.warn(
          "Tried to get credentials for {} from docker-credential-{} but failed because: it is not"
              + " on the PATH ({}); the registry is used without credentials",
          serverUrl,
          name,
          searchPath);
      return Optional.empty();
    }
    try {
      Process p = new ProcessBuilder(helper.get().toString(), "get").start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(serverUrl.getBytes(StandardCharsets.UTF_8));
      }
      byte[] out;
      try (InputStream stdout = p.getInputStream()) {
        out = stdout.readAllBytes();
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        LOG.warn(
            "docker-credential-{} get {} did not finish in {} s", name, serverUrl, TIMEOUT_SECONDS);
        return Optional.empty();
      }
      if (p.exitValue() != 0) {
        // "credentials not found in native keychain": nothing stored for this registry
        LOG.debug("docker-credential-{} has no credentials for {}", name, serverUrl);
        return Optional.empty();
      }
      return parse(out, name, serverUrl);
    } catch (IOException e) {
      LOG.warn(
          "Tried to run docker-credential-{} get for {} but failed because: {}",
          name,
          serverUrl,
          e.getMessage());
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  static Optional<Credential> parse(byte[] answer, String name, String serverUrl) {
    try {
      JsonNode n = JSON.readTree(answer);
      String user = n.path("Username").asText("");
      String secret = n.path("Secret").asText("");
      if (user.isEmpty() || secret.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Credential(user, secret));
    } catch (IOException e) {
      // the answer may hold the secret: never print it
      LOG.warn(
          "docker-credential-{} answered for {} with something that is not JSON; ignored",
          name,
          serverUrl);
      return Optional.empty();
    }
  }

  private Optional<Path> find(String executable) {
    for (Path dir : searchPath) {
      Path candidate = dir.resolve(executable);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "CredentialHelpers" + searchPath;
  }
}
