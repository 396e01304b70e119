package dev.strata.domain.trigger.model;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.strata.domain.trigger.api.FireSchedule;
import dev.strata.domain.trigger.api.ScheduleFired;
import dev.strata.domain.trigger.api.ScheduleSlotId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One slot of one platform schedule. It exists once the slot fired; the event store refuses to
 * create it twice, so when several gateway processes race to fire the same slot exactly one wins,
 * and a slot missed while the platform was down is fired once on start-up.
 */
public class ScheduleSlot {

  @AggregateIdentifier private ScheduleSlotId slotId;

  /** For Axon. */
  protected ScheduleSlot() {}

  @CommandHandler
  public ScheduleSlot(FireSchedule cmd) {
    if (cmd.at().isBefore(cmd.slot())) {
      throw new IllegalArgumentException(
          "Tried to fire schedule slot "
              + cmd.slotId()
              + " but failed because: it is due at "
              + cmd.slot()
              + ", after the firing time "
              + cmd.at());
    }
    apply(new ScheduleFired(cmd.slotId(), cmd.cron(), cmd.slot(), cmd.runId(), cmd.at()));
  }

  @EventSourcingHandler
  void on(ScheduleFired e) {
    slotId = e.slotId();
  }
}
