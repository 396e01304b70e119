package dev.strata.matrix.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.matrix.Fixtures;
import dev.strata.matrix.adapter.file.FileStore;
import dev.strata.matrix.adapter.yaml.SnakeYamlMatrixParser;
import dev.strata.matrix.core.plan.Planner;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the batch over LocalAI's parity requests and compares every result with LocalAI's own
 * output, as the parity README says: same keys in the same order, values as strings, matrices as
 * JSON (single-arch shards in order, the others as multisets, entry fields in any order), exitCode.
 */
class LocalAiParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Map<String, JsonNode> results;

  private static synchronized Map<String, JsonNode> results() throws Exception {
    if (results == null) {
      Planner planner = new Planner(Fixtures.localaiProfile());
      StringWriter out = new StringWriter();
      new BatchPlanning(planner, new FileStore(new SnakeYamlMatrixParser()), null)
          .run(Fixtures.parity().resolve("requests.jsonl"), out);
      Map<String, JsonNode> byId = new LinkedHashMap<>();
      for (String line : out.toString().split("\n")) {
        JsonNode r = JSON.readTree(line);
        byId.put(r.get("id").asText(), r);
      }
      results = byId;
    }
    return results;
  }

  @TestFactory
  Stream<DynamicTest> everyCase_matchesLocalAiOutputs() throws Exception {
    List<String> lines = Files.readAllLines(Fixtures.parity().resolve("expected.jsonl"));
    assertThat(lines).hasSize(83);
    return lines.stream()
        .map(
            line -> {
              JsonNode expected = read(line);
              String id = expected.get("id").asText();
              return DynamicTest.dynamicTest(
                  id,
                  () -> {
                    JsonNode actual = results().get(id);
                    assertThat(actual).as("result for %s", id).isNotNull();
                    assertThat(differences(expected, actual)).as("case %s", id).isEmpty();
                  });
            });
  }

  @Test
  void batch_answersEveryRequestInOrder() throws Exception {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(Fixtures.parity().resolve("requests.jsonl"))) {
      ids.add(read(line).get("id").asText());
    }
    assertThat(results().keySet()).containsExactlyElementsOf(ids);
  }

  /** What differs, one line per key; empty when the result matches. */
  static List<String> differences(JsonNode expected, JsonNode actual) {
    List<String> diffs = new ArrayList<>();
    if (expected.get("exitCode").asInt() != actual.get("exitCode").asInt()) {
      diffs.add(
          "exitCode: expected " + expected.get("exitCode") + " but got " + actual.get("exitCode"));
      return diffs;
    }
    if (expected.get("exitCode").asInt() != 0) {
      return diffs;
    }
    List<String> wantKeys = keys(expected.get("outputs"));
    List<String> gotKeys = keys(actual.get("outputs"));
    if (!wantKeys.equals(gotKeys)) {
      diffs.add("output keys: expected " + wantKeys + " but got " + gotKeys);
    }
    for (String key : wantKeys) {
      JsonNode want = expected.get("outputs").get(key);
      JsonNode got = actual.get("outputs").get(key);
      if (got == null) {
        continue;
      }
      if (key.startsWith("matrix-") || key.startsWith("merge-matrix-")) {
        String d =
            compareMatrix(key, want.asText(), got.asText(), key.startsWith("matrix-singlearch-"));
        if (d != null) {
          diffs.add(d);
        }
      } else if (!want.asText().equals(got.asText())) {
        diffs.add(key + ": expected " + want.asText() + " but got " + got.asText());
      }
    }
    return diffs;
  }

  private static String compareMatrix(String key, String want, String got, boolean ordered) {
    List<JsonNode> a = new ArrayList<>();
    List<JsonNode> b = new ArrayList<>();
    read(want).get("include").forEach(a::add);
    read(got).get("include").forEach(b::add);
    if (ordered) {
      // JsonNode equality ignores object key order and keeps value types
      return a.equals(b)
          ? null
          : key + ": shard differs (expected " + a.size() + " entries, got " + b.size() + ")";
    }
    Map<JsonNode, Integer> count = new HashMap<>();
    a.forEach(n -> count.merge(n, 1, Integer::sum));
    b.forEach(n -> count.merge(n, -1, Integer::sum));
    List<JsonNode> off =
        count.entrySet().stream().filter(e -> e.getValue() != 0).map(Map.Entry::getKey).toList();
    return off.isEmpty()
        ? null
        : key
            + ": entries differ as a multiset (expected "
            + a.size()
            + ", got "
            + b.size()
            + "), e.g. "
            + off.get(0);
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    Iterator<String> it = object.fieldNames();
    it.forEachRemaining(keys::add);
    return keys;
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void differences_namesTheKeyThatDiffers() {
    JsonNode want =
        read(
            "{\"exitCode\":0,\"outputs\":{\"run-all\":\"false\",\"matrix-darwin\":\"{\\\"include\\\":[{\\\"a\\\":\\\"1\\\"}]}\"}}");
    JsonNode typeChanged =
        read(
            "{\"exitCode\":0,\"outputs\":{\"run-all\":\"false\",\"matrix-darwin\":\"{\\\"include\\\":[{\\\"a\\\":1}]}\"}}");
    assertThat(differences(want, want)).isEmpty();
    assertThat(differences(want, typeChanged))
        .singleElement()
        .asString()
        .startsWith("matrix-darwin:");
  }
}
