package dev.strata.builder.boot;

import dev.strata.builder.adapter.docker.BuildxBuildDriver;
import dev.strata.builder.adapter.docker.EngineBuildDriver;
import dev.strata.builder.adapter.docker.EngineCacheMountCarrier;
import dev.strata.builder.adapter.docker.EngineCacheMounts;
import dev.strata.builder.adapter.docker.EngineSocket;
import dev.strata.builder.adapter.noop.NoopBuildDriver;
import dev.strata.builder.adapter.process.LocalCommandRunner;
import dev.strata.builder.adapter.registry.HttpImageRegistry;
import dev.strata.builder.core.LegBuilder;
import dev.strata.builder.port.BuildDriver;
import dev.strata.runtime.registry.RegistryClient;
import dev.strata.runtime.registry.RegistryCredentials;
import dev.strata.runtime.registry.RegistryTransport;
import dev.strata.runtime.serialization.StrataSerializers;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The builder's composition root: the one place that names concrete adapters. Constructors do no
 * I/O except {@link Driver#AUTO}'s one {@code docker buildx version} probe.
 */
public final class BuilderWiring {

  /** Which driver builds legs. */
  public enum Driver {
    /** {@code buildx} when {@code <docker> buildx version} works, else {@code engine}. */
    AUTO,
    /** {@code docker buildx build}, exactly as LocalAI's workflow runs it. */
    BUILDX,
    /** The Docker engine's built-in BuildKit ({@code DOCKER_BUILDKIT=1 docker build}). */
    ENGINE,
    /** Builds nothing, reports a pre-pushed digest: platform throughput measurements only. */
    NOOP;

    /** Parses {@code auto|buildx|engine|noop}. */
    public static Driver parse(String raw) {
      try {
        return valueOf(raw.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Invalid driver \"" + raw + "\": expected auto, buildx, engine or noop");
      }
    }
  }

  private final LocalCommandRunner runner;
  private final HttpImageRegistry registry;
  private final BuildDriver driver;
  private final LegBuilder legs;

  /**
   * @param docker the docker client ({@code /usr/bin/docker} for the engine on this machine)
   * @param tmpDir where transient files go
   */
  public BuilderWiring(Driver kind, String docker, Path tmpDir) {
    this.runner = new LocalCommandRunner();
    // the credentials docker push uses too: config.json and its credential helpers
    RegistryCredentials credentials = RegistryCredentials.fromEnvironment(System.getenv());
    this.registry =
        new HttpImageRegistry(
            new RegistryClient(RegistryTransport.standard(credentials)),
            StrataSerializers.objectMapper());
    boolean buildx =
        kind == Driver.BUILDX
            || (kind == Driver.AUTO && BuildxBuildDriver.available(runner, docker, tmpDir));
    Optional<EngineSocket> engine =
        buildx
            ? Optional.empty()
            : EngineSocket.fromDockerHost(System.getenv("DOCKER_HOST"))
                .filter(EngineSocket::exists);
    this.driver =
        kind == Driver.NOOP
            ? new NoopBuildDriver()
            : buildx
                ? new BuildxBuildDriver(runner, StrataSerializers.objectMapper(), docker, tmpDir)
                : new EngineBuildDriver(runner, registry, docker, tmpDir, engine, credentials);
    List<String> copyCommand =
        buildx
            ? List.of(docker, "buildx", "build", "--progress=plain")
            : List.of(docker, "build", "--progress=plain");
    // the engine's cache-mount records tell when a mount still holds its artifact (engine only:
    // a buildx builder keeps its mounts elsewhere)
    Optional<EngineCacheMounts> mounts =
        engine.map(s -> new EngineCacheMounts(s, StrataSerializers.objectMapper()));
    this.legs =
        new LegBuilder(
            driver,
            registry,
            new EngineCacheMountCarrier(runner, registry, copyCommand, tmpDir, mounts));
  }

  public LocalCommandRunner runner() {
    return runner;
  }

  public HttpImageRegistry registry() {
    return registry;
  }

  public BuildDriver driver() {
    return driver;
  }

  public LegBuilder legs() {
    return legs;
  }
}
