package dev.strata.launcher;

import dev.strata.audit.boot.AuditCommand;
import dev.strata.audit.boot.DevCommand;
import dev.strata.audit.boot.WhatIfCommand;
import dev.strata.builder.boot.BasesCommand;
import dev.strata.builder.boot.BuilderAgentCommand;
import dev.strata.darwin.adapter.axon.AxonEventLog;
import dev.strata.darwin.boot.ControlPlaneFactory;
import dev.strata.darwin.boot.DarwinCommands;
import dev.strata.matrix.boot.LintCommand;
import dev.strata.matrix.boot.PlanCommand;
import dev.strata.merge.boot.CacheContext;
import dev.strata.merge.boot.MergeRole;
import dev.strata.merge.boot.MergeSettings;
import dev.strata.runtime.StrataRuntime;
import dev.strata.runtime.config.ConfigException;
import dev.strata.runtime.config.StoreOptions;
import java.util.List;
import picocli.CommandLine;

/** Adds the commands the service modules contribute ({@code plan}, {@code cache}, ...). */
final class Subcommands {
  private Subcommands() {}

  static void addServiceCommands(CommandLine cli) {
    cli.addSubcommand("plan", new PlanCommand());
    cli.addSubcommand("lint", new LintCommand());
    cli.addSubcommand("builder-agent", new BuilderAgentCommand());
    cli.addSubcommand("bases", new BasesCommand());
    cli.addSubcommand("audit", new AuditCommand());
    cli.getSubcommands()
        .get("audit")
        .addSubcommand("what-if", new WhatIfCommand(WhatIfPlanning::open));
    cli.addSubcommand("dev", new DevCommand());
    cli.addSubcommand("cache", MergeRole.cacheCommand(Subcommands::openCacheContext));
    DarwinCommands.register(
        cli,
        ControlPlaneFactory.gateway(),
        () ->
            new AxonEventLog(
                Roles.runtime(new StoreOptions().load(), List.of()).start().eventStore()));
  }

  private static CacheContext openCacheContext() throws Exception {
    MergeSettings settings = MergeConfig.load(null);
    if (settings == null) {
      throw new ConfigException(
          "strata cache needs the registries to look at: write merge.yml in the working directory"
              + " (see merge-service's MergeSettingsLoader for its shape)");
    }
    StrataRuntime runtime = Roles.runtime(new StoreOptions().load(), List.of()).start();
    return CacheContext.over(runtime, settings);
  }
}
