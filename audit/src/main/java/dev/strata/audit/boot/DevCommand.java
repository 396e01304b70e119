package dev.strata.audit.boot;

import picocli.CommandLine.Command;

/** {@code strata dev}: developer tools ({@code seed-history}). */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = "Developer tools.",
    subcommands = {SeedHistoryCommand.class})
public final class DevCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "name a tool, e.g. 'strata dev seed-history --runs 100'");
  }
}
