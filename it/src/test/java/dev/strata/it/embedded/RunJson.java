package dev.strata.it.embedded;

import static dev.strata.it.embedded.GatewayApi.describe;
import static dev.strata.it.embedded.GatewayApi.ofType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Reading run events and run views as the API writes them (JSON). */
final class RunJson {
  private RunJson() {}

  static JsonNode single(List<JsonNode> events, String type) {
    List<JsonNode> found = ofType(events, type);
    assertThat(found).as("%s events among:%s", type, describe(events)).hasSize(1);
    return found.get(0);
  }

  static JsonNode leg(JsonNode view, String legId) {
    return StreamSupport.stream(view.path("legs").spliterator(), false)
        .filter(l -> l.path("legId").asText().equals(legId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no leg " + legId + " in " + view));
  }

  static Map<String, JsonNode> byLeg(List<JsonNode> payloads) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    payloads.forEach(p -> out.put(p.path("legId").asText(), p));
    return out;
  }

  static List<String> legIds(JsonNode legs) {
    return texts(legs, "legId");
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.path(field).asText()));
    return out;
  }

  static long cachedSteps(JsonNode leg) {
    return StreamSupport.stream(leg.path("steps").path("steps").spliterator(), false)
        .filter(s -> s.path("cached").asBoolean())
        .count();
  }
}
