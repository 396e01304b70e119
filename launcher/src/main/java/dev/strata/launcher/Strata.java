package dev.strata.launcher;

import dev.strata.runtime.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code strata} command. */
@Command(
    name = "strata",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Event-sourced build platform for monorepos that ship many container images.",
    subcommands = {
      VersionCommand.class,
      ServeCommand.class,
      EventsCommand.class,
      TriggerCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Strata {

  /** Exit code for bad configuration or input. */
  public static final int EXIT_CONFIG = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs {@code args} and returns the exit code (for tests). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, subcommands contributed by the service modules included. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Strata());
    Subcommands.addServiceCommands(cli);
    cli.setExecutionExceptionHandler(Strata::handleException);
    return cli;
  }

  private static int handleException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    PrintWriter err = cli.getErr();
    if (e instanceof ConfigException) {
      err.println("strata: " + e.getMessage());
      err.flush();
      return EXIT_CONFIG;
    }
    if (e instanceof UserInputException) {
      err.println("strata " + cli.getCommandName() + ": " + e.getMessage());
      err.flush();
      return EXIT_CONFIG;
    }
    err.println("strata " + cli.getCommandName() + ": " + e);
    if (System.getenv("STRATA_DEBUG") != null) {
      e.printStackTrace(err);
    } else {
      err.println("(set STRATA_DEBUG=1 for the stack trace)");
    }
    err.flush();
    return 1;
  }
}
