package dev.strata.gateway.adapter.http;

import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.leg.api.StepStats.BuildStep;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import dev.strata.domain.run.api.CacheWrite;
import dev.strata.gateway.core.LegReports.LegFailure;
import dev.strata.gateway.core.LegReports.LegResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Parses agent reports (already schema-validated) into domain values; a value a domain type rejects
 * is answered 400 naming its JSON pointer.
 */
final class LegBodies {
  private LegBodies() {}

  static LegResult result(JsonObject b) {
    String digest = b.getString("digest");
    String anchor = b.getString("anchor");
    return new LegResult(
        digest == null ? null : BadRequest.parse("/digest", digest, Digest::of),
        list(b, "pushedTo", ImageRef::parse),
        anchor == null ? null : BadRequest.parse("/anchor", anchor, ImageRef::parse),
        list(b, "cacheRead", CacheRef::parse),
        cacheWrites(b.getJsonArray("cacheWritten", new JsonArray())),
        b.getBoolean("provenance", false),
        steps(b.getJsonArray("steps")),
        inputs(b.getJsonObject("inputs")),
        list(b, "pushedTags", ImageRef::parse));
  }

  static LegFailure failure(JsonObject b) {
    List<String> lines = new ArrayList<>();
    b.getJsonArray("lastLogLines", new JsonArray()).forEach(l -> lines.add(String.valueOf(l)));
    return new LegFailure(b.getString("failedStep", ""), b.getString("reason"), lines);
  }

  private static <T> List<T> list(JsonObject b, String field, Function<String, T> parser) {
    JsonArray raw = b.getJsonArray(field, new JsonArray());
    List<T> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      out.add(BadRequest.parse("/" + field + "/" + i, raw.getString(i), parser));
    }
    return out;
  }

  private static List<CacheWrite> cacheWrites(JsonArray raw) {
    List<CacheWrite> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      JsonObject w = raw.getJsonObject(i);
      String at = "/cacheWritten/" + i;
      out.add(
          new CacheWrite(
              BadRequest.parse(at + "/ref", w.getString("ref"), CacheRef::parse),
              w.getString("options")));
    }
    return out;
  }

  private static StepStats steps(JsonArray raw) {
    List<BuildStep> steps = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      JsonObject s = raw.getJsonObject(i);
      steps.add(
          new BuildStep(
              s.getString("name"),
              s.getBoolean("cached"),
              s.getLong("durationMillis", 0L),
              s.getString("error")));
    }
    return new StepStats(steps);
  }

  private static BuildInputs inputs(JsonObject i) {
    List<BuildArg> args = new ArrayList<>();
    JsonArray raw = i.getJsonArray("buildArgs");
    for (int n = 0; n < raw.size(); n++) {
      JsonObject a = raw.getJsonObject(n);
      args.add(new BuildArg(a.getString("name"), a.getString("value")));
    }
    return new BuildInputs(
        args,
        i.getString("baseImage"),
        i.getString("builderBaseImage", ""),
        i.getString("dockerfileDigest"),
        i.getString("contextDigest"),
        i.getString("builder"),
        i.getString("ccacheMountId", ""),
        i.getLong("ccacheHits", -1L));
  }
}
