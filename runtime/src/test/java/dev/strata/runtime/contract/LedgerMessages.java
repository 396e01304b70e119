package dev.strata.runtime.contract;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.serialization.Revision;

/** Test-only commands and events of the {@link LedgerAggregate}. */
public final class LedgerMessages {
  private LedgerMessages() {}

  /** Opens a ledger. */
  public record OpenLedger(@TargetAggregateIdentifier String ledgerId, Instant openedAt) {}

  /** Records an entry on a ledger. */
  public record RecordEntry(@TargetAggregateIdentifier String ledgerId, long amount) {}

  /** A value record, serialized as {@code {"value":...}}. */
  public record Amount(long value) {}

  /** A ledger was opened. */
  @Revision("1")
  public record LedgerOpened(String ledgerId, Instant openedAt) {}

  /** Entry {@code number} (1, 2, ...) was recorded on a ledger. */
  @Revision("1")
  public record EntryRecorded(String ledgerId, int number, Amount amount) {}
}
