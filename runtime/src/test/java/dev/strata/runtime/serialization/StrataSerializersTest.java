package dev.strata.runtime.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.domain.image.api.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

class StrataSerializersTest {

  /** An event as services write them: a record holding value records, time and optionals. */
  @Revision("1")
  record ImagePushed(
      Digest digest, Instant at, Duration took, Optional<String> note, List<String> tags) {}

  private final Serializer serializer = StrataSerializers.jackson();

  private static final Digest DIGEST = new Digest("sha256:" + "ab".repeat(32));

  @Test
  void recordEvent_roundTripsAsReadableJson() {
    ImagePushed event =
        new ImagePushed(
            DIGEST,
            Instant.parse("2026-11-28T10:15:30.5Z"),
            Duration.ofSeconds(90),
            Optional.of("cached"),
            List.of("latest", "v1"));

    SerializedObject<byte[]> bytes = serializer.serialize(event, byte[].class);
    String json = new String(bytes.getData(), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"digest\":{\"value\":\"sha256:"
                + "ab".repeat(32)
                + "\"},\"at\":\"2026-11-28T10:15:30.500Z\",\"took\":\"PT1M30S\","
                + "\"note\":\"cached\",\"tags\":[\"latest\",\"v1\"]}");
    assertThat(bytes.getType().getRevision()).isEqualTo("1");
    ImagePushed read = serializer.deserialize(bytes);
    assertThat(read).isEqualTo(event);
  }

  @Test
  void unknownProperty_isIgnoredForForwardCompatibility() {
    String newer =
        "{\"digest\":{\"value\":\"sha256:"
            + "ab".repeat(32)
            + "\"},\"at\":\"2026-11-28T10:15:30Z\",\"took\":\"PT1S\",\"note\":null,"
            + "\"tags\":[],\"addedLater\":42}";
    SerializedObject<byte[]> bytes =
        new SimpleSerializedObject<>(
            newer.getBytes(StandardCharsets.UTF_8), byte[].class, ImagePushed.class.getName(), "1");

    ImagePushed read = serializer.deserialize(bytes);

    assertThat(read.digest()).isEqualTo(DIGEST);
    assertThat(read.note()).isEmpty();
  }

  @Test
  void trackingTokens_roundTrip() {
    SortedSet<Long> gaps = new TreeSet<>(List.of(3L, 5L));
    TrackingToken token = GapAwareTrackingToken.newInstance(7, gaps);
    TrackingToken replay =
        ReplayToken.createReplayToken(token, GapAwareTrackingToken.newInstance(2, new TreeSet<>()));

    for (TrackingToken t : List.of(token, replay)) {
      SerializedObject<byte[]> bytes = serializer.serialize(t, byte[].class);
      TrackingToken read = serializer.deserialize(bytes);
      assertThat(read).isEqualTo(t);
    }
  }

  @Test
  void xstream_isNotOnTheClassPath() {
    assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
        .isInstanceOf(ClassNotFoundException.class);
  }
}
