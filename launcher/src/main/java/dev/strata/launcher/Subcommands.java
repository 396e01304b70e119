package dev.strata.launcher;

import picocli.CommandLine;

/** Adds the commands the service modules contribute ({@code plan}, {@code cache}, ...). */
final class Subcommands {
  private Subcommands() {}

  static void addServiceCommands(CommandLine cli) {
    // service modules register their picocli commands here as they land
  }
}
