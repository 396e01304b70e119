package dev.strata.runtime.serialization;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The one serializer Strata stores and exchanges messages with: Axon's {@link JacksonSerializer}
 * (JSON), used for events, snapshots, messages and tracking tokens alike. Axon's default XStream
 * serializer is never used (and XStream is kept off the class path).
 *
 * <p>Events are Java records; a value record such as {@code Digest(String value)} is written as
 * {@code {"value":"..."}}. Dates are ISO-8601 strings. Unknown properties are ignored when reading,
 * so an older process can read events a newer one wrote with an added field.
 */
public final class StrataSerializers {

  private StrataSerializers() {}

  /** A new object mapper with Strata's settings (jsr310, jdk8, ISO dates, lenient reading). */
  public static ObjectMapper objectMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
  }

  /** A new Jackson serializer over its own {@link #objectMapper()}. */
  public static Serializer jackson() {
    return JacksonSerializer.builder().objectMapper(objectMapper()).build();
  }
}
