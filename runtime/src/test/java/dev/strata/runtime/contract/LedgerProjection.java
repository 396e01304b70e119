package dev.strata.runtime.contract;

import dev.strata.runtime.contract.LedgerMessages.EntryRecorded;
import dev.strata.runtime.contract.LedgerMessages.LedgerOpened;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;

/** A test projection: the events it saw, as short strings, in order. */
@ProcessingGroup(LedgerProjection.GROUP)
public class LedgerProjection {

  /** Its processing group (and tracking processor) name. */
  public static final String GROUP = "contract-ledger";

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final AtomicInteger resets = new AtomicInteger();

  @EventHandler
  void on(LedgerOpened event) {
    seen.add("opened " + event.ledgerId() + " at " + event.openedAt());
  }

  @EventHandler
  void on(EntryRecorded event) {
    seen.add("entry " + event.ledgerId() + " #" + event.number() + " = " + event.amount().value());
  }

  @ResetHandler
  void reset() {
    seen.clear();
    resets.incrementAndGet();
  }

  /** The events seen so far. */
  public List<String> seen() {
    return List.copyOf(seen);
  }

  /** How often the projection was reset. */
  public int resets() {
    return resets.get();
  }
}
