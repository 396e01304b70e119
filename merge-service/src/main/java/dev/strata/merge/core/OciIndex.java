package dev.strata.merge.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.runtime.registry.ManifestMediaTypes;
import dev.strata.runtime.registry.RawManifest;
import java.util.List;

/**
 * Renders an OCI image index. Deterministic: fixed key order, no whitespace, no annotations or
 * timestamps, entries in the order given; the same entries always give the same digest.
 */
public final class OciIndex {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OciIndex() {}

  public static RawManifest of(List<IndexEntry> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(
          "Tried to build an image index but failed because: it has no entries");
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("schemaVersion", 2);
    root.put("mediaType", ManifestMediaTypes.OCI_INDEX);
    ArrayNode manifests = root.putArray("manifests");
    for (IndexEntry entry : entries) {
      ObjectNode descriptor = manifests.addObject();
      descriptor.put("mediaType", entry.mediaType());
      descriptor.put("digest", entry.digest().value());
      descriptor.put("size", entry.size());
      ObjectNode platform = descriptor.putObject("platform");
      platform.put("architecture", entry.platform().architecture());
      platform.put("os", entry.platform().os());
      if (entry.platform().variant() != null) {
        platform.put("variant", entry.platform().variant());
      }
    }
    try {
      return RawManifest.of(ManifestMediaTypes.OCI_INDEX, JSON.writeValueAsBytes(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an index of plain values always serializes", e);
    }
  }
}
