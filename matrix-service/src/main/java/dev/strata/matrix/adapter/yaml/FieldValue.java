package dev.strata.matrix.adapter.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.strata.domain.matrix.api.Scalar;
import java.io.IOException;

/**
 * A leg field of a fixed pipeline, with its YAML type and where it was written. Unlike {@link
 * LocatedText} it may be empty ({@code tag-suffix: ""}).
 */
@JsonDeserialize(using = FieldValue.Deserializer.class)
record FieldValue(Scalar value, int line, int column) {

  static FieldValue read(JsonParser p) throws IOException {
    JsonLocation at = p.currentTokenLocation();
    Scalar value =
        switch (p.currentToken()) {
          case VALUE_STRING -> Scalar.string(p.getText());
          case VALUE_NUMBER_INT -> new Scalar(Scalar.Kind.INTEGER, p.getText());
          case VALUE_NUMBER_FLOAT -> new Scalar(Scalar.Kind.FLOAT, p.getText());
          case VALUE_TRUE, VALUE_FALSE -> new Scalar(Scalar.Kind.BOOLEAN, p.getText());
          case VALUE_NULL -> Scalar.nullValue();
          default ->
              throw JsonMappingException.from(
                  p,
                  "field '"
                      + p.currentName()
                      + "' must be a scalar (a string, number or boolean), e.g. "
                      + p.currentName()
                      + ": \"value\"");
        };
    return new FieldValue(value, at.getLineNr(), at.getColumnNr());
  }

  /** Reads one scalar. */
  static final class Deserializer extends StdDeserializer<FieldValue> {
    Deserializer() {
      super(FieldValue.class);
    }

    @Override
    public FieldValue deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return read(p);
    }

    @Override
    public FieldValue getNullValue(DeserializationContext ctxt) {
      return new FieldValue(Scalar.nullValue(), 0, 0);
    }
  }
}
