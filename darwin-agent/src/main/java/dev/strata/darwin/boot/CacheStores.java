package dev.strata.darwin.boot;

import dev.strata.darwin.adapter.dir.DirectoryCacheStore;
import dev.strata.darwin.adapter.registry.RegistryCacheStore;
import dev.strata.darwin.port.ArtifactRegistry;
import dev.strata.darwin.port.CacheStore;
import dev.strata.domain.image.api.ImageRef;
import java.nio.file.Path;

/**
 * Opens a cache store from its URI: {@code dir:/path} (or a plain path) or {@code oci://host/repo}.
 */
public final class CacheStores {
  private CacheStores() {}

  /**
   * The store {@code uri} names.
   *
   * @throws IllegalArgumentException with what to write instead when the URI is not understood
   */
  public static CacheStore open(String uri, ArtifactRegistry registry) {
    if (uri.startsWith("oci://") || uri.startsWith("registry://")) {
      String repository = uri.substring(uri.indexOf("://") + 3);
      try {
        return new RegistryCacheStore(registry, ImageRef.parse(repository));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Invalid --cache-store \""
                + uri
                + "\": "
                + e.getMessage()
                + "; write oci://HOST[:PORT]/REPOSITORY, e.g. oci://127.0.0.1:5000/localai/ci-cache",
            e);
      }
    }
    String path = uri;
    if (uri.startsWith("dir:")) {
      path = uri.substring(4);
    } else if (uri.startsWith("file://")) {
      path = uri.substring(7);
    } else if (uri.contains("://")) {
      throw new IllegalArgumentException(
          "Invalid --cache-store \""
              + uri
              + "\": expected dir:/PATH (a directory) or oci://HOST/REPOSITORY (a registry)");
    }
    return new DirectoryCacheStore(Path.of(path));
  }
}
