package dev.strata.matrix.adapter.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.run.api.MergeGroup;
import dev.strata.domain.run.api.PlannedLeg;
import dev.strata.matrix.core.pipeline.FixedPlan;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A fixed pipeline's plan as one JSON object, keys in this order: {@code pipeline}, {@code kind},
 * {@code eventName}, {@code pullRequest}, {@code build}, {@code reason}, {@code detail}, {@code
 * legs} ({@code id}, {@code runsOn}, {@code mergeGroup}, {@code fields} with their YAML types, in
 * profile order) and {@code merges} ({@code tagSuffix}, {@code tagLatest}, {@code legs}).
 */
public final class FixedPlanJson {
  private static final JsonFactory JSON = new JsonFactory();

  private FixedPlanJson() {}

  /** The plan as compact JSON (no newline); {@code eventName} may be null. */
  public static String toJson(FixedPlan plan, String eventName) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("pipeline", plan.pipeline());
      g.writeStringField("kind", plan.kind());
      g.writeStringField("eventName", eventName);
      g.writeBooleanField("pullRequest", plan.pullRequest());
      g.writeBooleanField("build", plan.decision().build());
      g.writeStringField("reason", plan.decision().reason());
      g.writeStringField("detail", plan.decision().detail());
      g.writeArrayFieldStart("legs");
      for (PlannedLeg leg : plan.legs()) {
        g.writeStartObject();
        g.writeStringField("id", leg.legId().value());
        g.writeStringField("runsOn", leg.runnerClass().value());
        g.writeStringField("mergeGroup", leg.mergeGroup().value());
        g.writeObjectFieldStart("fields");
        for (Map.Entry<String, Scalar> f : leg.fields().entrySet()) {
          g.writeFieldName(f.getKey());
          g.writeRawValue(f.getValue().toJson());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("merges");
      for (MergeGroup m : plan.mergeGroups()) {
        g.writeStartObject();
        g.writeStringField("tagSuffix", m.tagSuffix().value());
        g.writeStringField("tagLatest", m.tagLatest());
        g.writeArrayFieldStart("legs");
        for (LegId id : m.groupLegs()) {
          g.writeString(id.value());
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
