package dev.strata.darwin.adapter.registry;

import dev.strata.domain.image.api.ImageRef;
import java.util.UUID;

/** The local registry scripts/setup starts (override with STRATA_TEST_REGISTRY=host:port). */
public final class TestRegistry {
  private TestRegistry() {}

  public static String host() {
    String env = System.getenv("STRATA_TEST_REGISTRY");
    return env == null || env.isBlank() ? "127.0.0.1:5000" : env;
  }

  /** A repository no other test uses. */
  public static ImageRef freshRepository(String name) {
    return ImageRef.of(
        host() + "/strata-test/" + name + "-" + UUID.randomUUID().toString().substring(0, 8));
  }
}
