package dev.strata.builder.testing;

import dev.strata.builder.adapter.docker.EngineBuildDriver;
import dev.strata.builder.adapter.docker.EngineCacheMountCarrier;
import dev.strata.builder.adapter.docker.EngineCacheMounts;
import dev.strata.builder.adapter.docker.EngineSocket;
import dev.strata.builder.adapter.process.LocalCommandRunner;
import dev.strata.builder.adapter.registry.HttpImageRegistry;
import dev.strata.builder.core.LegBuilder;
import dev.strata.runtime.registry.RegistryClient;
import dev.strata.runtime.registry.RegistryCredentials;
import dev.strata.runtime.registry.RegistryTransport;
import dev.strata.runtime.serialization.StrataSerializers;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The engine driver wired against the local dockerd and registry. */
public final class Engine {
  public final LocalCommandRunner runner = new LocalCommandRunner();
  public final HttpImageRegistry registry;
  public final EngineBuildDriver driver;
  public final LegBuilder legs;

  public Engine(Path tmp) {
    registry =
        new HttpImageRegistry(
            new RegistryClient(RegistryTransport.standard(RegistryCredentials.none())),
            StrataSerializers.objectMapper());
    EngineSocket socket = new EngineSocket(Path.of("/var/run/docker.sock"));
    driver =
        new EngineBuildDriver(
            runner,
            registry,
            LocalServices.DOCKER,
            tmp,
            Optional.of(socket),
            RegistryCredentials.none());
    legs =
        new LegBuilder(
            driver,
            registry,
            new EngineCacheMountCarrier(
                runner,
                registry,
                List.of(LocalServices.DOCKER, "build", "--progress=plain"),
                tmp,
                Optional.of(new EngineCacheMounts(socket, StrataSerializers.objectMapper()))));
  }

  /** Whether any {@code docker build} ran since {@code sinceIndex} in the runner's history. */
  public long buildsSince(int sinceIndex) {
    var h = runner.history();
    return h.subList(Math.min(sinceIndex, h.size()), h.size()).stream()
        .filter(r -> r.argv().size() > 1 && r.argv().get(1).equals("build"))
        .count();
  }
}
