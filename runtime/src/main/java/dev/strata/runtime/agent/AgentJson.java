package dev.strata.runtime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.api.StepStats.BuildStep;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import dev.strata.domain.trigger.api.TriggerKind;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent API's JSON, both ways, written against the gateway's OpenAPI document: request bodies
 * carry only the schema's properties (the schemas forbid others) and respect its length limits;
 * responses are read leniently.
 */
final class AgentJson {
  static final int MAX_LINE = 2000;
  static final int MAX_LINES = 1000;
  static final int MAX_FAILURE_LINES = 200;
  static final int MAX_REASON = 4000;
  static final int MAX_STEP = 500;
  static final int MAX_NAME = 64;
  static final int MAX_KEY = 500;

  private final ObjectMapper json;

  AgentJson(ObjectMapper json) {
    this.json = json;
  }

  ObjectMapper mapper() {
    return json;
  }

  ObjectNode register(String name, List<RunnerClass> classes) {
    ObjectNode b = json.createObjectNode();
    b.put("name", cut(name, 200));
    ArrayNode rc = b.putArray("runnerClasses");
    classes.stream().distinct().forEach(c -> rc.add(c.value()));
    return b;
  }

  AgentRegistration registration(JsonNode r) {
    return new AgentRegistration(
        AgentId.of(r.path("agentId").asText()),
        Duration.ofSeconds(r.path("leaseSeconds").asLong(60)),
        Duration.ofSeconds(r.path("maxWaitSeconds").asLong(30)));
  }

  ObjectNode progress(String step, List<String> lines) {
    ObjectNode b = json.createObjectNode();
    if (step != null) {
      b.put("step", cut(step, MAX_STEP));
    }
    ArrayNode l = b.putArray("lines");
    lines.stream()
        .skip(Math.max(0, lines.size() - MAX_LINES))
        .forEach(line -> l.add(cut(line, MAX_LINE)));
    return b;
  }

  ObjectNode result(LegResultReport r) {
    ObjectNode b = json.createObjectNode();
    r.digest().ifPresent(d -> b.put("digest", d.value()));
    strings(b, "pushedTo", r.pushedTo());
    r.anchor().ifPresent(a -> b.put("anchor", a.toString()));
    strings(b, "pushedTags", r.pushedTags());
    strings(b, "cacheRead", r.cacheRead());
    ArrayNode written = b.putArray("cacheWritten");
    for (CacheWrite w : r.cacheWritten()) {
      written.addObject().put("ref", w.ref().toString()).put("options", w.options());
    }
    b.put("provenance", r.provenance());
    ArrayNode steps = b.putArray("steps");
    for (BuildStep s : r.steps().steps()) {
      ObjectNode o = steps.addObject();
      o.put("name", cut(s.name(), MAX_LINE));
      o.put("cached", s.cached());
      o.put("durationMillis", s.durationMillis());
      if (s.error() != null) {
        o.put("error", cut(s.error(), MAX_REASON));
      }
    }
    b.set("inputs", inputs(r.inputs()));
    return b;
  }

  private ObjectNode inputs(BuildInputs i) {
    ObjectNode o = json.createObjectNode();
    ArrayNode args = o.putArray("buildArgs");
    for (BuildArg a : i.buildArgs()) {
      args.addObject().put("name", a.name()).put("value", cut(a.value(), MAX_REASON));
    }
    o.put("baseImage", i.baseImage());
    o.put("builderBaseImage", i.builderBaseImage());
    o.put("dockerfileDigest", i.dockerfileDigest());
    o.put("contextDigest", i.contextDigest());
    o.put("builder", cut(i.builder(), 200));
    o.put("ccacheMountId", i.ccacheMountId());
    o.put("ccacheHits", i.ccacheHits());
    return o;
  }

  ObjectNode failure(LegFailureReport f) {
    ObjectNode b = json.createObjectNode();
    b.put("failedStep", cut(f.failedStep(), MAX_LINE));
    String reason = f.reason() == null || f.reason().isBlank() ? "unknown" : f.reason();
    b.put("reason", cut(reason, MAX_REASON));
    ArrayNode l = b.putArray("lastLogLines");
    List<String> lines = f.lastLogLines();
    lines.stream()
        .skip(Math.max(0, lines.size() - MAX_FAILURE_LINES))
        .forEach(line -> l.add(cut(line, MAX_LINE)));
    return b;
  }

  ObjectNode cacheRestore(CacheRestoreReport r) {
    ObjectNode b = json.createObjectNode();
    b.put("cache", cut(r.cache(), MAX_NAME));
    b.put("key", cut(r.key(), MAX_KEY));
    b.put("outcome", r.outcome().name().toLowerCase(Locale.ROOT));
    if (r.matchedKey() != null) {
      b.put("matchedKey", cut(r.matchedKey(), MAX_KEY));
    }
    b.put("bytes", Math.max(0, r.bytes()));
    b.put("at", r.at().toString());
    return b;
  }

  ObjectNode cacheSave(CacheSaveReport r) {
    ObjectNode b = json.createObjectNode();
    b.put("cache", cut(r.cache(), MAX_NAME));
    b.put("key", cut(r.key(), MAX_KEY));
    b.put("bytes", Math.max(0, r.bytes()));
    b.put("gated", r.gated());
    b.put("at", r.at().toString());
    return b;
  }

  ObjectNode cacheEviction(CacheEvictionReport r) {
    ObjectNode b = json.createObjectNode();
    b.put("evictionId", r.evictionId());
    b.put("store", cut(r.store(), MAX_KEY));
    b.put("key", cut(r.key(), MAX_KEY));
    b.put("bytes", Math.max(-1, r.bytes()));
    b.put("reason", cut(r.reason().isBlank() ? "unknown" : r.reason(), MAX_REASON));
    b.put("evictedBy", cut(r.evictedBy(), MAX_NAME));
    b.put("at", r.at().toString());
    return b;
  }

  ClaimedLeg claimed(JsonNode c) {
    Map<String, Scalar> fields = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : c.path("fields").properties()) {
      fields.put(e.getKey(), scalar(e.getValue()));
    }
    return new ClaimedLeg(
        c.path("leg").asText(),
        RunId.of(c.path("runId").asText()),
        LegId.of(c.path("legId").asText()),
        c.path("pipeline").asText(""),
        RunnerClass.of(c.path("runnerClass").asText()),
        c.path("mergeGroup").asText(""),
        c.path("darwin").asBoolean(false),
        fields,
        trigger(c.path("trigger")),
        c.hasNonNull("leaseUntil") ? Instant.parse(c.get("leaseUntil").asText()) : Instant.EPOCH,
        c.path("attempt").asInt(1));
  }

  static Scalar scalar(JsonNode v) {
    if (v == null || v.isNull()) {
      return Scalar.nullValue();
    }
    if (v.isTextual()) {
      return Scalar.string(v.asText());
    }
    if (v.isBoolean()) {
      return new Scalar(Scalar.Kind.BOOLEAN, v.asText());
    }
    if (v.isIntegralNumber()) {
      return new Scalar(Scalar.Kind.INTEGER, v.asText());
    }
    if (v.isNumber()) {
      return new Scalar(Scalar.Kind.FLOAT, v.asText());
    }
    return Scalar.string(v.toString());
  }

  static Trigger trigger(JsonNode t) {
    return new Trigger(
        TriggerKind.valueOf(t.path("kind").asText()),
        Repository.parse(t.path("repository").asText()),
        text(t, "ref"),
        sha(t, "before"),
        sha(t, "sha"),
        t.hasNonNull("prNumber") ? t.get("prNumber").asInt() : null,
        sha(t, "baseSha"),
        sha(t, "headSha"),
        t.path("fork").asBoolean(false),
        t.path("forceAll").asBoolean(false),
        text(t, "schedule"));
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  private static CommitSha sha(JsonNode n, String field) {
    return n.hasNonNull(field) ? CommitSha.parse(n.get(field).asText()) : null;
  }

  private static void strings(ObjectNode b, String field, List<?> values) {
    ArrayNode a = b.putArray(field);
    values.forEach(v -> a.add(v.toString()));
  }

  static String cut(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
