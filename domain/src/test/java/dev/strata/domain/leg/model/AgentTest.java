package dev.strata.domain.leg.model;

import dev.strata.domain.leg.api.AgentId;
import dev.strata.domain.leg.api.AgentRegistered;
import dev.strata.domain.leg.api.RegisterAgent;
import dev.strata.domain.leg.api.RunnerClass;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AgentTest {
  private static final AgentId ID = AgentId.of("agent-7q2m");
  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
  private static final List<RunnerClass> CLASSES =
      List.of(RunnerClass.of("ubuntu-latest"), RunnerClass.of("ubuntu-24.04-arm"));

  private AggregateTestFixture<Agent> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Agent.class);
  }

  @Test
  void register_recordsNameAndRunnerClasses() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterAgent(ID, "runner-01", CLASSES, T0))
        .expectSuccessfulHandlerExecution()
        .expectEvents(new AgentRegistered(ID, "runner-01", CLASSES, T0));
  }

  @Test
  void register_isRefusedWithoutRunnerClasses() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterAgent(ID, "runner-01", List.of(), T0))
        .expectException(IllegalArgumentException.class)
        .expectExceptionMessage(org.hamcrest.Matchers.containsString("serves no runner class"))
        .expectNoEvents();
  }

  @Test
  void register_isRefusedWithABlankName() {
    fixture
        .givenNoPriorActivity()
        .when(new RegisterAgent(ID, " ", CLASSES, T0))
        .expectException(IllegalArgumentException.class)
        .expectNoEvents();
  }
}
