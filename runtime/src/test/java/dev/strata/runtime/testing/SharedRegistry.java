package dev.strata.runtime.testing;

import dev.strata.domain.image.api.ImageRef;
import java.util.UUID;

/**
 * The machine's shared registry (Debian docker-registry on {@code 127.0.0.1:5000}, started by
 * scripts/setup; {@code STRATA_TEST_REGISTRY} overrides the host). Tests use fresh repository names
 * so they never see each other's tags.
 */
public final class SharedRegistry {
  private SharedRegistry() {}

  public static String host() {
    String env = System.getenv("STRATA_TEST_REGISTRY");
    return env == null || env.isBlank() ? "127.0.0.1:5000" : env.trim();
  }

  /** {@code <host>/strata-test/<name>-<random>}. */
  public static ImageRef freshRepository(String name) {
    return freshRepository(host(), name);
  }

  /** {@code <host>/strata-test/<name>-<random>} on the given registry host. */
  public static ImageRef freshRepository(String host, String name) {
    String random = UUID.randomUUID().toString().substring(0, 8);
    return ImageRef.of(host + "/strata-test/" + name + "-" + random);
  }
}
