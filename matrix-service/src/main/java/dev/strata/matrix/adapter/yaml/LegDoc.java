package dev.strata.matrix.adapter.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A leg (or the {@code defaults}) of a fixed pipeline: free-form scalar fields in file order, plus
 * an optional {@code pullRequest} mapping of fields that replace them on pull requests.
 */
@JsonDeserialize(using = LegDoc.Deserializer.class)
record LegDoc(
    Map<String, FieldValue> fields, Map<String, FieldValue> pullRequest, int line, int column) {
  static final String PULL_REQUEST = "pullRequest";

  LegDoc {
    fields = Collections.unmodifiableMap(fields);
    pullRequest = Collections.unmodifiableMap(pullRequest);
  }

  /** Reads the mapping, keeping field order and each field's place. */
  static final class Deserializer extends StdDeserializer<LegDoc> {
    Deserializer() {
      super(LegDoc.class);
    }

    @Override
    public LegDoc deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonLocation at = p.currentTokenLocation();
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw JsonMappingException.from(
            p,
            "a leg must be a mapping of fields, e.g. {build-type: cublas, runs-on: ubuntu-latest}");
      }
      Map<String, FieldValue> fields = new LinkedHashMap<>();
      Map<String, FieldValue> pr = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (name.equals(PULL_REQUEST)) {
          if (p.currentToken() != JsonToken.START_OBJECT) {
            throw JsonMappingException.from(
                p, "'pullRequest' must be a mapping of fields, e.g. pullRequest: {tag-suffix: -x}");
          }
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            pr.put(key, FieldValue.read(p));
          }
        } else {
          fields.put(name, FieldValue.read(p));
        }
      }
      return new LegDoc(fields, pr, at.getLineNr(), at.getColumnNr());
    }
  }
}
