package dev.strata.launcher;

import dev.strata.runtime.config.ConfigException;
import dev.strata.runtime.config.StrataConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * Bearer tokens for the embedded platform. A role whose token is not configured gets one generated
 * once and kept in {@code <dataDir>/tokens.properties} (owner-only), so that a fresh {@code strata
 * serve} is usable and a restart keeps the same tokens. Configured tokens always win.
 */
final class LocalTokens {
  static final String FILE = "tokens.properties";

  private LocalTokens() {}

  /** The configuration with every missing token filled from (or generated into) the file. */
  static StrataConfig fill(StrataConfig config) throws ConfigException {
    StrataConfig.Tokens t = config.tokens();
    if (t.ci().isPresent() && t.agent().isPresent() && t.admin().isPresent()) {
      return config;
    }
    Path file = file(config);
    Properties stored = new Properties();
    try {
      if (Files.exists(file)) {
        try (Reader r = Files.newBufferedReader(file)) {
          stored.load(r);
        }
      }
      boolean changed = false;
      for (String role : new String[] {"ci", "agent", "admin"}) {
        if (stored.getProperty(role) == null) {
          stored.setProperty(role, role + "-" + random());
          changed = true;
        }
      }
      if (changed) {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".tokens", ".tmp");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        try (Writer w = Files.newBufferedWriter(tmp)) {
          stored.store(
              w, "Strata gateway bearer tokens (generated; configure tokens.* to override)");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new ConfigException(
          "Tried to keep generated tokens in " + file + " but failed because: " + e.getMessage(),
          e);
    }
    StrataConfig.Tokens filled =
        new StrataConfig.Tokens(
            t.ci().or(() -> Optional.of(stored.getProperty("ci"))),
            t.agent().or(() -> Optional.of(stored.getProperty("agent"))),
            t.admin().or(() -> Optional.of(stored.getProperty("admin"))));
    return config.withTokens(filled);
  }

  static Path file(StrataConfig config) {
    return config.dataDir().resolve(FILE);
  }

  private static String random() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
