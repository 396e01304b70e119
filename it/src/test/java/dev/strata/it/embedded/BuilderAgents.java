package dev.strata.it.embedded;

import dev.strata.builder.adapter.jgit.JGitCheckout;
import dev.strata.builder.boot.BuilderProfile;
import dev.strata.builder.boot.BuilderProfileLoader;
import dev.strata.builder.boot.BuilderWiring;
import dev.strata.builder.core.BuilderAgent;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.it.fixture.LocalServices;
import dev.strata.runtime.agent.GatewayClient;
import dev.strata.runtime.serialization.StrataSerializers;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builder agents wired as {@code strata builder-agent --driver engine} wires one (the same boot
 * classes), running in this JVM and talking to the gateway over HTTP with the agent token: one per
 * runner class of the fixture's matrix ({@code ubuntu-latest}, {@code ubuntu-24.04-arm}), both on
 * the local engine. Every repository is cloned from the fixture's directory.
 */
final class BuilderAgents implements AutoCloseable {
  private final List<BuilderAgent> agents = new ArrayList<>();

  private BuilderAgents() {}

  static BuilderAgents start(URI gateway, String token, Path profile, Path repo, Path workdir)
      throws Exception {
    BuilderProfile p = BuilderProfileLoader.load(profile);
    BuilderAgents all = new BuilderAgents();
    try {
      for (String runnerClass : List.of("ubuntu-latest", "ubuntu-24.04-arm")) {
        Path work = workdir.resolve(runnerClass);
        BuilderWiring wiring =
            new BuilderWiring(
                BuilderWiring.Driver.ENGINE, LocalServices.DOCKER, work.resolve("tmp"));
        BuilderAgent agent =
            new BuilderAgent(
                new GatewayClient(gateway, token, StrataSerializers.objectMapper()),
                new JGitCheckout(work.resolve("checkouts"), r -> repo.toString()),
                wiring.legs(),
                p.legs(),
                Clock.systemUTC(),
                new BuilderAgent.Settings(
                    "e2e-" + runnerClass,
                    List.of(RunnerClass.of(runnerClass)),
                    1,
                    Duration.ofSeconds(30),
                    Duration.ofMillis(500)),
                t -> {});
        agent.start();
        all.agents.add(agent);
      }
      return all;
    } catch (Exception | Error e) {
      all.close();
      throw e;
    }
  }

  @Override
  public void close() {
    for (BuilderAgent agent : agents) {
      try {
        agent.stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
