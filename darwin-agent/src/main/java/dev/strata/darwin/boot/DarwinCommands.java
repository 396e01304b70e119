package dev.strata.darwin.boot;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands the darwin-agent module contributes to {@code strata}: {@code darwin-agent} and
 * {@code cache budget}. The launcher calls {@link #register} once.
 */
public final class DarwinCommands {
  private DarwinCommands() {}

  /** The {@code cache} group, when no other module created it. */
  @Command(name = "cache", description = "Cache commands.", mixinStandardHelpOptions = true)
  static final class CacheGroup {}

  /** Adds {@code darwin-agent} and {@code cache budget} to {@code root}. */
  public static void register(
      CommandLine root,
      ControlPlaneFactory controlPlanes,
      CacheBudgetCommand.EventLogOpener eventLog) {
    root.addSubcommand("darwin-agent", new DarwinAgentCommand(controlPlanes));
    CommandLine cache = root.getSubcommands().get("cache");
    if (cache == null) {
      cache = new CommandLine(new CacheGroup());
      root.addSubcommand("cache", cache);
    }
    cache.addSubcommand("budget", new CacheBudgetCommand(eventLog));
  }
}
