package dev.strata.runtime.contract;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.strata.runtime.contract.LedgerMessages.Amount;
import dev.strata.runtime.contract.LedgerMessages.EntryRecorded;
import dev.strata.runtime.contract.LedgerMessages.LedgerOpened;
import dev.strata.runtime.contract.LedgerMessages.OpenLedger;
import dev.strata.runtime.contract.LedgerMessages.RecordEntry;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/** A tiny test aggregate: a ledger numbering its entries. */
public class LedgerAggregate {

  @AggregateIdentifier private String ledgerId;
  private int entries;

  /** For Axon's event sourcing. */
  protected LedgerAggregate() {}

  /** Opens the ledger. */
  @CommandHandler
  public LedgerAggregate(OpenLedger command) {
    apply(new LedgerOpened(command.ledgerId(), command.openedAt()));
  }

  /** Records the next entry. */
  @CommandHandler
  public void handle(RecordEntry command) {
    apply(new EntryRecorded(ledgerId, entries + 1, new Amount(command.amount())));
  }

  @EventSourcingHandler
  void on(LedgerOpened event) {
    ledgerId = event.ledgerId();
  }

  @EventSourcingHandler
  void on(EntryRecorded event) {
    entries = event.number();
  }
}
