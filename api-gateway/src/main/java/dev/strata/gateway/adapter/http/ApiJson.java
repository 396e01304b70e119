package dev.strata.gateway.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.strata.domain.cache.api.CacheRef;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.image.api.PlatformTag;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.LegId;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.ScheduleSlotId;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * The JSON the API writes: ISO-8601 instants, no nulls, and value records (run ids, digests, leg
 * ids, image refs ...) as their plain string form; matrix scalars keep their YAML type.
 */
final class ApiJson {
  private static final ObjectMapper MAPPER = mapper();

  private ApiJson() {}

  private static ObjectMapper mapper() {
    SimpleModule values = new SimpleModule("strata-values");
    for (Class<?> type :
        new Class<?>[] {
          RunId.class,
          LegId.class,
          AgentId.class,
          Digest.class,
          CommitSha.class,
          RunnerClass.class,
          TagSuffix.class,
          Repository.class,
          ImageRef.class,
          CacheRef.class,
          PlatformTag.class,
          ScheduleSlotId.class
        }) {
      values.addSerializer(type, ToStringSerializer.instance);
    }
    values.addSerializer(
        Scalar.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Scalar s, JsonGenerator gen, SerializerProvider p)
              throws IOException {
            gen.writeRawValue(s.toJson());
          }
        });
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(new Jdk8Module())
        .registerModule(values)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  static Buffer buffer(Object value) {
    return Buffer.buffer(bytes(value));
  }

  static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "Tried to write "
              + value.getClass().getSimpleName()
              + " as JSON but failed because: "
              + e.getOriginalMessage(),
          e);
    }
  }

  static String string(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
