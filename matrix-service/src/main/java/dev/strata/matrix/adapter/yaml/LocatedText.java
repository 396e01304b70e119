package dev.strata.matrix.adapter.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/** A string from a profile file with the line and column it was written at, for later checks. */
@JsonDeserialize(using = LocatedText.Deserializer.class)
record LocatedText(String text, int line, int column) {
  static final String EMPTY = "a value is required here";

  /** Reads a scalar string and remembers where it stood. */
  static final class Deserializer extends StdDeserializer<LocatedText> {
    Deserializer() {
      super(LocatedText.class);
    }

    @Override
    public LocatedText deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonLocation at = p.currentTokenLocation();
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (LocatedText) ctxt.handleUnexpectedToken(LocatedText.class, p);
      }
      if (p.getText().isEmpty()) {
        throw MismatchedInputException.from(p, LocatedText.class, EMPTY);
      }
      return new LocatedText(p.getText(), at.getLineNr(), at.getColumnNr());
    }

    /** An optional key left out: null (a required one is reported as missing). */
    @Override
    public LocatedText getAbsentValue(DeserializationContext ctxt) {
      return null;
    }

    /** {@code key:} with no value: every located text is required. */
    @Override
    public LocatedText getNullValue(DeserializationContext ctxt) throws JsonMappingException {
      throw MismatchedInputException.from(ctxt.getParser(), LocatedText.class, EMPTY);
    }
  }
}
