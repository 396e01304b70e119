package dev.strata.audit.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.strata.runtime.serialization.StrataSerializers;

/**
 * Audit reports and explanations as JSON, with Strata's object mapper (ISO-8601 instants) and map
 * entries sorted by key, so equal reports give byte-identical JSON.
 */
public final class JsonReport {

  private static final ObjectMapper MAPPER =
      StrataSerializers.objectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private JsonReport() {}

  /** {@code value} (a report or an explanation) as one line of JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Tried to write the audit report as JSON but failed because: " + e.getMessage(), e);
    }
  }
}
