package dev.strata.builder.adapter.noop;

import dev.strata.builder.port.BuildDriver;
import dev.strata.builder.port.BuildException;
import dev.strata.builder.port.BuildListener;
import dev.strata.builder.port.BuildOutcome;
import dev.strata.domain.image.api.Digest;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.api.StepStats;
import dev.strata.domain.leg.model.BasePlan;
import dev.strata.domain.leg.model.BuildPlan;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code noop} driver, for throughput measurements only: builds nothing and reports a digest
 * that is already in the registry. A push-by-digest leg reports the seed image of its platform
 * ({@link SeedImagePusher}), pushed once per publish repository on first use, so merges build real
 * indexes; a pull-request leg pushes nothing. No cache is read or written and no keepalive anchor
 * is left.
 */
public final class NoopBuildDriver implements BuildDriver {
  private final SeedImagePusher seeds;

  public NoopBuildDriver() {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
  }

  NoopBuildDriver(HttpClient http) {
    this.seeds = new SeedImagePusher(http);
  }

  @Override
  public String describe() {
    return "noop (records a pre-pushed digest; throughput measurement only)";
  }

  @Override
  public boolean expandsMountVariables() {
    return false;
  }

  @Override
  public BuildOutcome build(BuildPlan plan, Path checkout, BuildListener listener)
      throws BuildException, InterruptedException {
    long start = System.nanoTime();
    if (!plan.byDigest()) {
      listener.line("strata: noop driver: pull-request leg " + plan.legKey() + ", nothing pushed");
      return outcome(Optional.empty(), List.of());
    }
    List<ImageRef> repositories = plan.push().pushedRepositories();
    Digest digest = null;
    try {
      for (ImageRef repo : repositories) {
        digest = seeds.ensure(repo, plan.platform());
        listener.line("strata: noop driver: recorded " + repo + "@" + digest);
      }
    } catch (IOException e) {
      throw new BuildException("push", e.getMessage(), List.of(), true, e);
    }
    listener.phase("noop", Duration.ofNanos(System.nanoTime() - start));
    return outcome(Optional.ofNullable(digest), repositories);
  }

  private static BuildOutcome outcome(Optional<Digest> digest, List<ImageRef> pushedTo) {
    return new BuildOutcome(
        digest,
        pushedTo,
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        StepStats.empty(),
        List.of());
  }

  @Override
  public BuildOutcome buildBase(BasePlan plan, Path checkout, BuildListener listener)
      throws BuildException {
    throw new BuildException(
        "build",
        "Tried to build base "
            + plan.image()
            + " but failed because: the noop driver builds nothing; use --driver engine or buildx",
        List.of());
  }
}
