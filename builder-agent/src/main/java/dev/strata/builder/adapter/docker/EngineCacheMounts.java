package dev.strata.builder.adapter.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cache-mount records of the engine's build cache ({@code GET /system/df}, {@code BuildCache}
 * entries of type {@code exec.cachemount}), each with a usage stamp (use count and last use) that
 * changes whenever a build mounts it. dockerd 20.10 names no mount id in a record, so a mount is
 * recognised by the one record a restore or save build used (the stamps that changed around it).
 */
public final class EngineCacheMounts {
  private final EngineSocket engine;
  private final ObjectMapper json;

  public EngineCacheMounts(EngineSocket engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  /** Record id to usage stamp, or empty when the engine cannot be asked. */
  public Optional<Map<String, String>> snapshot() {
    try {
      EngineSocket.Response r = engine.call("GET", "/system/df");
      if (!r.ok()) {
        return Optional.empty();
      }
      return Optional.of(parse(json.readTree(r.body())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static Map<String, String> parse(JsonNode df) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode r : df.path("BuildCache")) {
      if (r.path("Type").asText().equals("exec.cachemount")) {
        out.put(
            r.path("ID").asText(),
            r.path("UsageCount").asText() + "@" + r.path("LastUsedAt").asText());
      }
    }
    return out;
  }

  /**
   * The one record that appeared or was used between {@code before} and {@code after}; empty when
   * none or several did (another build ran at the same time), so nothing is remembered.
   */
  static Optional<String> usedBetween(Map<String, String> before, Map<String, String> after) {
    Set<String> changed =
        after.entrySet().stream()
            .filter(e -> !e.getValue().equals(before.get(e.getKey())))
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    return changed.size() == 1 ? changed.stream().findFirst() : Optional.empty();
  }
}
