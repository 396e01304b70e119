package dev.strata.builder.adapter.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineCacheMountsTest {
  private static final String DF =
      """
      {"Images":[],"BuildCache":[
       {"ID":"s7t1x","Type":"exec.cachemount","UsageCount":4,
        "LastUsedAt":"2026-11-28T10:30:42.305368882Z"},
       {"ID":"k2abc","Type":"regular","UsageCount":9,"LastUsedAt":"2026-11-28T10:30:42Z"},
       {"ID":"m9def","Type":"exec.cachemount","UsageCount":1,"LastUsedAt":null}]}
      """;

  @Test
  void snapshot_keepsOnlyCacheMountRecords_withTheirUsageStamp() throws Exception {
    Map<String, String> records = EngineCacheMounts.parse(new ObjectMapper().readTree(DF));
    assertThat(records)
        .containsOnly(
            Map.entry("s7t1x", "4@2026-11-28T10:30:42.305368882Z"), Map.entry("m9def", "1@null"));
  }

  @Test
  void usedBetween_namesTheOneRecordThatAppearedOrWasUsed() {
    Map<String, String> before = Map.of("a", "1@t1", "b", "3@t1");
    assertThat(EngineCacheMounts.usedBetween(before, Map.of("a", "1@t1", "b", "4@t2")))
        .contains("b");
    assertThat(EngineCacheMounts.usedBetween(before, Map.of("a", "1@t1", "b", "3@t1", "c", "1@t2")))
        .contains("c");
  }

  @Test
  void usedBetween_isEmpty_whenNoneOrSeveralRecordsChanged() {
    Map<String, String> before = Map.of("a", "1@t1", "b", "3@t1");
    assertThat(EngineCacheMounts.usedBetween(before, before)).isEmpty();
    assertThat(EngineCacheMounts.usedBetween(before, Map.of("a", "2@t2", "b", "4@t2"))).isEmpty();
  }

  @Test
  void engineAnswer_isSplitIntoStatusAndBody() throws Exception {
    byte[] raw =
        "HTTP/1.0 404 Not Found\r\nContent-Type: application/json\r\n\r\n{\"message\":\"x\"}"
            .getBytes(StandardCharsets.UTF_8);
    EngineSocket.Response r = EngineSocket.parse(raw);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.ok()).isFalse();
    assertThat(r.text()).isEqualTo("{\"message\":\"x\"}");
  }

  @Test
  void dockerHost_choosesTheSocket_orNoneForOtherTransports() {
    assertThat(EngineSocket.fromDockerHost(null))
        .hasValueSatisfying(s -> assertThat(s.toString()).isEqualTo("unix:///var/run/docker.sock"));
    assertThat(EngineSocket.fromDockerHost("unix:///run/user/1000/docker.sock"))
        .hasValueSatisfying(
            s -> assertThat(s.toString()).isEqualTo("unix:///run/user/1000/docker.sock"));
    assertThat(EngineSocket.fromDockerHost("tcp://10.0.0.1:2376")).isEmpty();
  }
}
