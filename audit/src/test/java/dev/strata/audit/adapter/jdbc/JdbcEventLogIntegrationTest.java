package dev.strata.audit.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.audit.Scenario;
import dev.strata.audit.TestStores;
import dev.strata.audit.port.EventLog;
import dev.strata.audit.port.EventLogException;
import dev.strata.domain.run.api.ArchDigestPushed;
import dev.strata.domain.run.api.TriggerReceived;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.StrataConfig;
import dev.strata.runtime.serialization.StrataSerializers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipelined JDBC reader on H2: order, skipping, early stop, a corrupt payload. */
class JdbcEventLogIntegrationTest {
  @TempDir Path dir;
  StrataConfig config;

  @BeforeEach
  void history() throws Exception {
    config = TestStores.h2(dir);
    List<dev.strata.audit.core.seed.RunScript> scripts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      scripts.add(
          Scenario.push(
              "p" + i,
              Instant.parse("2026-11-09T10:00:00Z").plusSeconds(3600L * i),
              Scenario.python("-cpu-vllm", "amd64", "vllm"),
              "ubuntu:24.04",
              "2026-W46",
              Scenario.steps(4, 4)));
    }
    TestStores.write(config, scripts);
  }

  /** A reader with tiny pages and chunks-of-500 so that several pages are read. */
  static EventLog log(StrataRuntime runtime) {
    return new JdbcEventLog(
        runtime.database().dataSource(),
        new EventSchema(),
        StrataSerializers.objectMapper(),
        7,
        2,
        "test store");
  }

  @Test
  void readsEveryEventInIndexOrder_andSkipsUnwantedTypes() throws Exception {
    List<Long> indexes = new ArrayList<>();
    List<Object> wanted = new ArrayList<>();
    long read;
    try (StrataRuntime runtime = StrataRuntime.builder(config).build()) {
      read =
          log(runtime)
              .replay(
                  type -> type == TriggerReceived.class,
                  new EventLog.Sink() {
                    @Override
                    public boolean event(long index, Object payload) {
                      indexes.add(index);
                      wanted.add(payload);
                      return true;
                    }

                    @Override
                    public void skipped(long index) {
                      indexes.add(index);
                    }
                  });
      assertThat(read).isEqualTo(runtime.database().headIndex(new EventSchema()));
    }
    assertThat(indexes).hasSize((int) read).isSorted().doesNotHaveDuplicates();
    assertThat(wanted).hasSize(30).allMatch(TriggerReceived.class::isInstance);
  }

  @Test
  void sinkThatStops_endsTheReplayEarly() throws Exception {
    try (StrataRuntime runtime = StrataRuntime.builder(config).build()) {
      long read =
          log(runtime)
              .replay(
                  type -> true,
                  new EventLog.Sink() {
                    @Override
                    public boolean event(long index, Object payload) {
                      return !(payload instanceof ArchDigestPushed);
                    }

                    @Override
                    public void skipped(long index) {}
                  });
      assertThat(read).isLessThan(10);
    }
  }

  @Test
  void corruptPayload_failsNamingTheEventAndTheStore() throws Exception {
    try (StrataRuntime runtime = StrataRuntime.builder(config).build()) {
      EventSchema schema = new EventSchema();
      try (Connection c = runtime.database().dataSource().getConnection();
          PreparedStatement s =
              c.prepareStatement(
                  "UPDATE "
                      + schema.domainEventTable()
                      + " SET "
                      + schema.payloadColumn()
                      + " = ? WHERE "
                      + schema.globalIndexColumn()
                      + " = 12")) {
        s.setBytes(1, "{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(s.executeUpdate()).isEqualTo(1);
        c.commit();
      }
      assertThatThrownBy(
              () ->
                  log(runtime)
                      .replay(
                          type -> true,
                          new EventLog.Sink() {
                            @Override
                            public boolean event(long index, Object payload) {
                              return true;
                            }

                            @Override
                            public void skipped(long index) {}
                          }))
          .isInstanceOf(EventLogException.class)
          .hasMessageContaining("Tried to read event 12")
          .hasMessageContaining("test store");
    }
  }
}
