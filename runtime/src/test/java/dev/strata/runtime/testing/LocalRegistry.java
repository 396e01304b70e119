package dev.strata.runtime.testing;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Debian {@code docker-registry} (distribution 2.8) this test process starts on a free loopback
 * port, with filesystem storage in a temporary directory and deletes enabled. It can be stopped and
 * started again on the same port and storage (to play "registry down"). Extra {@code auth} YAML can
 * be appended to its configuration.
 */
public final class LocalRegistry implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final String authYaml;
  private Process process;

  private LocalRegistry(Path dir, int port, String authYaml) {
    this.dir = dir;
    this.port = port;
    this.authYaml = authYaml;
  }

  /** Starts a registry without authentication. */
  public static LocalRegistry start() throws IOException {
    return start("");
  }

  /** Starts a registry whose configuration ends with {@code authYaml} (e.g. a token section). */
  public static LocalRegistry start(String authYaml) throws IOException {
    LocalRegistry registry =
        new LocalRegistry(Files.createTempDirectory("strata-registry-"), freePort(), authYaml);
    registry.startProcess();
    return registry;
  }

  /** {@code 127.0.0.1:<port>}. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Stops the registry process (its storage stays). */
  public void stop() {
    try {
      if (process != null && process.isAlive()) {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Starts the registry again on the same port and storage. */
  public void restart() throws IOException {
    startProcess();
  }

  private void startProcess() throws IOException {
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        "version: 0.1\n"
            + "log:\n  level: warn\n"
            + "storage:\n"
            + "  filesystem:\n    rootdirectory: "
            + dir.resolve("data")
            + "\n"
            + "  delete:\n    enabled: true\n"
            + "http:\n  addr: 127.0.0.1:"
            + port
            + "\n"
            + authYaml);
    process =
        new ProcessBuilder("docker-registry", "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("registry.log").toFile()))
            .start();
    awaitReady();
  }

  private void awaitReady() throws IOException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException(
            "docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
      }
      try {
        HttpURLConnection c =
            (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
        c.setConnectTimeout(200);
        c.setReadTimeout(500);
        int status = c.getResponseCode();
        c.disconnect();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the registry", e);
      }
    }
    throw new IOException("docker-registry on " + host() + " did not answer within 15 s");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException {
    stop();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
