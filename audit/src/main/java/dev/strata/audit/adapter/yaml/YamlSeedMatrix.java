package dev.strata.audit.adapter.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.strata.audit.core.seed.SeedEntry;
import dev.strata.audit.core.seed.SeedMatrix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a LocalAI {@code backend-matrix.yml} ({@code include} and {@code includeDarwin}) for the
 * seeder. Values are taken as the strings they are written as (LocalAI quotes every one); this is
 * not the matrix-service's typed parser, only enough to shape synthetic history.
 */
public final class YamlSeedMatrix {
  private YamlSeedMatrix() {}

  public static SeedMatrix read(Path file) throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    if (root == null || !root.path("include").isArray()) {
      throw new IOException(
          "Tried to read the matrix "
              + file
              + " but failed because: it has no 'include' list (expected LocalAI's"
              + " .github/backend-matrix.yml)");
    }
    return new SeedMatrix(
        entries(root.path("include"), false), entries(root.path("includeDarwin"), true));
  }

  private static List<SeedEntry> entries(JsonNode list, boolean darwin) {
    List<SeedEntry> out = new ArrayList<>();
    for (JsonNode node : list) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        fields.put(f.getKey(), f.getValue().isNull() ? "" : f.getValue().asText());
      }
      out.add(new SeedEntry(fields, darwin));
    }
    return out;
  }
}
