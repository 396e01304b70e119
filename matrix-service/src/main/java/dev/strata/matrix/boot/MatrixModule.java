package dev.strata.matrix.boot;

import dev.strata.matrix.core.run.MatrixProcessor;
import dev.strata.matrix.core.run.TriggerPlanner;
import dev.strata.runtime.RuntimeModule;
import dev.strata.runtime.StrataRuntimeBuilder;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The matrix role: its {@link MatrixProcessor} (tracking processor {@value
 * MatrixProcessor#PROCESSING_GROUP}) planning each run's trigger from a local repository.
 */
public final class MatrixModule implements RuntimeModule {
  private final TriggerPlanner planner;
  private final Clock clock;

  /** Plans from the repository and profile {@code settings} name. */
  public MatrixModule(MatrixSettings settings) {
    this(new RepositoryTriggerPlanner(settings), Clock.systemUTC());
  }

  /** Plans with any planner (tests). */
  public MatrixModule(TriggerPlanner planner, Clock clock) {
    this.planner = planner;
    this.clock = clock;
  }

  @Override
  public void contributeTo(StrataRuntimeBuilder builder) {
    // threads start lazily, so a runtime that is never built leaves none behind
    ExecutorService sender =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "strata-matrix-commands");
              t.setDaemon(true);
              return t;
            });
    builder.registerEventHandler(
        MatrixProcessor.class,
        c -> new MatrixProcessor(planner, c.commandGateway(), clock, sender));
    builder.configureAxon(
        configurer -> configurer.onInitialize(c -> c.onShutdown(sender::shutdown)));
  }
}
