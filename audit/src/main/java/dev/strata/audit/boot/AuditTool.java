package dev.strata.audit.boot;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The audit's commands without the launcher ({@code java -cp ... dev.strata.audit.boot.AuditTool
 * audit ...}): for benchmarks and for running the audit before the launcher wires it. The {@code
 * strata} command adds the same {@link AuditCommand} and {@link DevCommand}.
 */
@Command(
    name = "strata",
    mixinStandardHelpOptions = true,
    subcommands = {AuditCommand.class, DevCommand.class})
public final class AuditTool {
  public static void main(String[] args) {
    System.exit(new CommandLine(new AuditTool()).execute(args));
  }
}
