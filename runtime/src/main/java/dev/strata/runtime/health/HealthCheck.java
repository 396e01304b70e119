package dev.strata.runtime.health;

import dev.strata.runtime.jdbc.EventStoreDatabase;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/** Checks the event store and the tracking processors of one runtime. */
public final class HealthCheck {

  private final EventStoreDatabase database;
  private final EventSchema schema;
  private final EventProcessingConfiguration processing;

  /** A check over {@code database} (tables per {@code schema}) and {@code processing}. */
  public HealthCheck(
      EventStoreDatabase database, EventSchema schema, EventProcessingConfiguration processing) {
    this.database = Objects.requireNonNull(database, "database");
    this.schema = Objects.requireNonNull(schema, "schema");
    this.processing = Objects.requireNonNull(processing, "processing");
  }

  /** Runs the check now. Never throws: failures are in the report. */
  public HealthReport check() {
    return new HealthReport(eventStore(), processors());
  }

  private EventStoreHealth eventStore() {
    try {
      return new EventStoreHealth(
          database.displayUrl(), true, database.headIndex(schema), Optional.empty());
    } catch (SQLException | RuntimeException e) {
      return new EventStoreHealth(
          database.displayUrl(), false, -1, Optional.of(String.valueOf(e.getMessage())));
    }
  }

  private List<ProcessorHealth> processors() {
    return processing.eventProcessors().values().stream()
        .filter(TrackingEventProcessor.class::isInstance)
        .map(TrackingEventProcessor.class::cast)
        .map(HealthCheck::processor)
        .sorted(Comparator.comparing(ProcessorHealth::name))
        .collect(Collectors.toList());
  }

  private static ProcessorHealth processor(TrackingEventProcessor p) {
    Map<Integer, EventTrackerStatus> status = p.processingStatus();
    Optional<String> error =
        status.values().stream()
            .filter(EventTrackerStatus::isErrorState)
            .map(s -> s.getError() == null ? "error" : String.valueOf(s.getError()))
            .findFirst();
    if (error.isEmpty() && p.isError()) {
      error = Optional.of("processor is in error mode and retrying");
    }
    OptionalLong position =
        status.values().stream()
            .map(EventTrackerStatus::getCurrentPosition)
            .filter(OptionalLong::isPresent)
            .mapToLong(OptionalLong::getAsLong)
            .min();
    boolean replaying = status.values().stream().anyMatch(EventTrackerStatus::isReplaying);
    return new ProcessorHealth(p.getName(), p.isRunning(), error, position, replaying);
  }
}
