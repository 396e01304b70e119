package dev.strata.builder.boot;

import dev.strata.builder.adapter.jgit.JGitCheckout;
import dev.strata.builder.core.BuilderAgent;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.runtime.agent.GatewayClient;
import dev.strata.runtime.config.ConfigException;
import dev.strata.runtime.serialization.StrataSerializers;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata builder-agent}: a Linux build agent. Registers with the gateway, long-polls for
 * legs of its runner classes, builds them on BuildKit and reports; SIGTERM drains the running
 * builds.
 */
@Command(
    name = "builder-agent",
    mixinStandardHelpOptions = true,
    description = "Build Linux legs claimed from the gateway (BuildKit, push by digest).")
public final class BuilderAgentCommand implements Callable<Integer> {
  @Option(
      names = "--gateway",
      required = true,
      description = "The gateway, e.g. http://127.0.0.1:8080.")
  URI gateway;

  @Option(
      names = "--token",
      defaultValue = "${env:STRATA_AGENT_TOKEN}",
      description = "The agent bearer token (default: $STRATA_AGENT_TOKEN).")
  String token;

  @Option(
      names = "--runner-class",
      required = true,
      paramLabel = "C",
      description = "A runner class to build for, e.g. ubuntu-latest (repeatable).")
  List<String> runnerClasses;

  @Option(
      names = "--driver",
      defaultValue = "auto",
      description = "auto, buildx, engine, or noop (builds nothing: throughput measurements).")
  String driver;

  @Option(
      names = "--workdir",
      defaultValue = "var/builder-agent",
      description = "Checkouts and transient files.")
  Path workdir;

  @Option(names = "--parallelism", defaultValue = "1", description = "Legs built at once.")
  int parallelism;

  @Option(
      names = "--profile",
      defaultValue = "profiles/localai.yml",
      description = "The profile file.")
  Path profile;

  @Option(names = "--docker", defaultValue = "/usr/bin/docker", description = "The docker client.")
  String docker;

  @Option(
      names = "--repo-url",
      defaultValue = "https://github.com/{repository}.git",
      description = "Clone URL template; {repository} is owner/name.")
  String repoUrl;

  @Option(
      names = "--repo",
      paramLabel = "OWNER/NAME=URL",
      description = "Clone URL (or path) of one repository (repeatable; wins over --repo-url).")
  Map<String, String> repos = new HashMap<>();

  @Option(names = "--name", description = "The agent's name (default: host name).")
  String name;

  @Option(
      names = "--drain-seconds",
      defaultValue = "600",
      description = "How long SIGTERM waits for running builds.")
  long drainSeconds;

  @Override
  public Integer call() throws Exception {
    if (token == null || token.isBlank()) {
      throw new ConfigException(
          "builder-agent: no agent token; pass --token T or set STRATA_AGENT_TOKEN");
    }
    BuilderProfile p = BuilderProfileLoader.load(profile);
    Path work = Files.createDirectories(workdir.toAbsolutePath());
    BuilderWiring wiring =
        new BuilderWiring(BuilderWiring.Driver.parse(driver), docker, work.resolve("tmp"));
    Function<Repository, String> template = JGitCheckout.template(repoUrl);
    Function<Repository, String> urls = r -> repos.getOrDefault(r.fullName(), template.apply(r));
    BuilderAgent agent =
        new BuilderAgent(
            new GatewayClient(gateway, token, StrataSerializers.objectMapper()),
            new JGitCheckout(work.resolve("checkouts"), urls),
            wiring.legs(),
            p.legs(),
            p.rootImage(),
            Clock.systemUTC(),
            new BuilderAgent.Settings(
                name != null ? name : hostName(),
                runnerClasses.stream().map(RunnerClass::of).toList(),
                parallelism,
                Duration.ofSeconds(drainSeconds),
                Duration.ofSeconds(2)),
            t -> {});
    agent.start();
    Thread hook =
        new Thread(
            () -> {
              try {
                agent.stop();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "builder-agent-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    agent.awaitTermination();
    return 0;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "builder-agent";
    }
  }
}
