package dev.strata.merge.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.domain.image.api.Digest;
import dev.strata.runtime.registry.ManifestMediaTypes;
import dev.strata.runtime.registry.RawManifest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a manifest references: for an image manifest its config and layer blobs, for an index its
 * child manifests with their platforms.
 */
record ManifestContent(
    RawManifest raw, Digest config, List<Digest> blobs, List<IndexEntry> children) {
  private static final ObjectMapper JSON = new ObjectMapper();

  ManifestContent {
    blobs = List.copyOf(blobs);
    children = List.copyOf(children);
  }

  boolean isIndex() {
    return ManifestMediaTypes.isIndex(raw.mediaType());
  }

  static ManifestContent parse(RawManifest raw) {
    JsonNode root;
    try {
      root = JSON.readTree(raw.bytes());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Tried to read manifest " + raw.digest() + " but failed because: it is not JSON", e);
    }
    if (ManifestMediaTypes.isIndex(raw.mediaType())) {
      List<IndexEntry> children = new ArrayList<>();
      for (JsonNode m : root.path("manifests")) {
        JsonNode p = m.path("platform");
        children.add(
            new IndexEntry(
                m.path("mediaType").asText(ManifestMediaTypes.OCI_MANIFEST),
                new Digest(m.path("digest").asText()),
                m.path("size").asLong(),
                new Platform(
                    p.path("os").asText("unknown"),
                    p.path("architecture").asText("unknown"),
                    p.path("variant").asText(null))));
      }
      return new ManifestContent(raw, null, List.of(), children);
    }
    Digest config = new Digest(root.path("config").path("digest").asText());
    List<Digest> blobs = new ArrayList<>();
    blobs.add(config);
    for (JsonNode layer : root.path("layers")) {
      blobs.add(new Digest(layer.path("digest").asText()));
    }
    return new ManifestContent(raw, config, blobs, List.of());
  }

  /** The platform an image config states. */
  static Platform platformOf(byte[] config) {
    try {
      JsonNode root = JSON.readTree(config);
      return new Platform(
          root.path("os").asText("unknown"),
          root.path("architecture").asText("unknown"),
          root.path("variant").asText(null));
    } catch (IOException e) {
      throw new IllegalArgumentException("the image config is not JSON", e);
    }
  }
}
