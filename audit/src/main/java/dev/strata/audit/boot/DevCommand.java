package dev.strata.audit.boot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code strata dev}: developer tools ({@code seed-history}). */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = "Developer tools.",
    subcommands = {SeedHistoryCommand.class})
public final class DevCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "name a tool, e.g. 'strata dev seed-history --runs 100'");
  }
}
