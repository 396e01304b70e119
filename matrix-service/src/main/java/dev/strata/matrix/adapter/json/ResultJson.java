package dev.strata.matrix.adapter.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.strata.matrix.core.plan.Output;
import dev.strata.matrix.core.plan.PlanResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes a plan result as one JSON line: {@code {"id", "exitCode", "outputs": {key: value, ...},
 * "error"}}; outputs in emission order, {@code error} only when the exit code is not 0.
 */
public final class ResultJson {
  private static final JsonFactory JSON = new JsonFactory();

  private ResultJson() {}

  /** Writes one line (with its newline) to {@code out}. */
  public static void write(Writer out, String id, PlanResult result) throws IOException {
    write(out, id, result.exitCode(), result, result.error());
  }

  /** Writes a result line for a request that could not be planned at all. */
  public static void writeError(Writer out, String id, int exitCode, String error)
      throws IOException {
    write(out, id, exitCode, null, error);
  }

  /** The line as a string (without newline). */
  public static String toJson(String id, PlanResult result) {
    StringWriter sw = new StringWriter();
    try {
      write(sw, id, result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString().stripTrailing();
  }

  private static void write(Writer out, String id, int exitCode, PlanResult result, String error)
      throws IOException {
    JsonGenerator g = JSON.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeStringField("id", id);
    g.writeNumberField("exitCode", exitCode);
    g.writeObjectFieldStart("outputs");
    if (result != null) {
      for (Output o : result.outputs()) {
        g.writeStringField(o.key(), o.value());
      }
    }
    g.writeEndObject();
    if (exitCode != 0 && error != null) {
      g.writeStringField("error", error);
    }
    g.writeEndObject();
    g.flush();
    out.write('\n');
  }
}
