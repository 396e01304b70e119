package dev.strata.darwin.boot;

import dev.strata.darwin.core.BudgetSimulation;
import dev.strata.darwin.core.BudgetSimulation.Eviction;
import dev.strata.darwin.core.BudgetSimulation.Report;
import dev.strata.darwin.core.KeyPolicy;
import dev.strata.darwin.core.LruEviction;
import dev.strata.darwin.port.EventLog;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code strata cache budget --simulate}: replays the recorded Darwin cache restores and saves
 * under another budget or key policy and reports the hit rate and the evictions ("we sit at the
 * ceiling, what if..."), and whether they match the evictions the live budget recorded.
 */
@Command(
    name = "budget",
    mixinStandardHelpOptions = true,
    description = "Replay the recorded Darwin cache traffic under another budget or key policy.")
public final class CacheBudgetCommand implements Callable<Integer> {
  /** Opens the event log of the configured store. */
  @FunctionalInterface
  public interface EventLogOpener {
    /** The log; closing it releases the store. */
    EventLog open() throws Exception;
  }

  @Spec CommandSpec spec;

  @Option(names = "--simulate", description = "Simulate (the only mode so far).")
  boolean simulate;

  @Option(
      names = "--budget",
      defaultValue = "10GB",
      paramLabel = "SIZE",
      description = "Budget per repository (default: ${DEFAULT-VALUE}).")
  String budget;

  @Option(
      names = "--key-policy",
      defaultValue = "localai",
      paramLabel = "POLICY",
      description = "localai (keys as recorded) or shared-wheels (pyenv-darwin-shared-<week>).")
  String keyPolicy;

  private final EventLogOpener opener;

  public CacheBudgetCommand(EventLogOpener opener) {
    this.opener = opener;
  }

  @Override
  public Integer call() throws Exception {
    if (!simulate) {
      throw new ParameterException(
          spec.commandLine(), "Only --simulate is supported: write strata cache budget --simulate");
    }
    long bytes;
    KeyPolicy policy;
    try {
      bytes = LruEviction.parseSize(budget);
      policy = KeyPolicy.parse(keyPolicy);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    BudgetSimulation sim = new BudgetSimulation(bytes, policy);
    opener.open().replay(sim::accept);
    print(sim.report(), spec.commandLine().getOut());
    return 0;
  }

  static void print(Report r, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "budget %s, key policy %s: %d restores, %d exact hits, %d partial, %d misses"
            + " (hit rate %.1f%%)%n",
        human(r.budget()),
        r.policy().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        r.restores(),
        r.hits(),
        r.partials(),
        r.misses(),
        100 * r.hitRate());
    out.printf(Locale.ROOT, "simulated evictions: %d%n", r.evictions().size());
    for (Eviction e : r.evictions()) {
      out.printf(
          Locale.ROOT, "  %s  %s  %s  (%s)%n", e.at(), e.repository(), e.key(), human(e.bytes()));
    }
    out.printf(
        Locale.ROOT,
        "recorded budget evictions: %d; same entries in the same order: %s%n",
        r.recordedEvictions().size(),
        r.matchesRecording() ? "yes" : "no");
    out.flush();
  }

  static String human(long bytes) {
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int i = 0;
    while (v >= 1024 && i < units.length - 1) {
      v /= 1024;
      i++;
    }
    return i == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[i]);
  }
}
