package dev.strata.audit.boot;

import dev.strata.audit.adapter.axon.AxonEventLog;
import dev.strata.audit.adapter.jdbc.JdbcEventLog;
import dev.strata.audit.core.ReplayAuditService;
import dev.strata.audit.port.EventLog;
import dev.strata.domain.audit.api.AuditService;
import dev.strata.domain.audit.model.AuditRules;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.serialization.StrataSerializers;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * Builds the audit's parts over a runtime. The launcher calls {@link #auditService} and hands the
 * result to the gateway ({@code GET /v1/audit}).
 */
public final class AuditWiring {
  private AuditWiring() {}

  /** How the log is read. */
  public enum Reader {
    /** Plain JDBC over the event table (the fast default). */
    JDBC,
    /** Axon's {@code EventStore.openStream}; the runtime must be started. */
    AXON
  }

  /** The audit service over {@code runtime}'s event store, with the default rules. */
  public static AuditService auditService(StrataRuntime runtime) {
    return new ReplayAuditService(eventLog(runtime, Reader.JDBC), AuditRules.defaults());
  }

  /** The event log of {@code runtime}, read the {@code reader} way. */
  public static EventLog eventLog(StrataRuntime runtime, Reader reader) {
    String where = runtime.database().displayUrl();
    return switch (reader) {
      case JDBC ->
          new JdbcEventLog(
              runtime.database().dataSource(),
              new EventSchema(),
              StrataSerializers.objectMapper(),
              JdbcEventLog.DEFAULT_PAGE_SIZE,
              Math.max(1, Runtime.getRuntime().availableProcessors()),
              where);
      case AXON -> new AxonEventLog(runtime.eventStore(), where);
    };
  }
}
