package dev.strata.builder.core;

import dev.strata.builder.port.BuildDriver;
import dev.strata.builder.port.BuildException;
import dev.strata.builder.port.BuildListener;
import dev.strata.builder.port.BuildOutcome;
import dev.strata.builder.port.CacheMountCarrier;
import dev.strata.builder.port.ImageRegistry;
import dev.strata.builder.port.RegistryException;
import dev.strata.domain.image.api.ImageRef;
import dev.strata.domain.leg.model.BuildPlan;
import dev.strata.domain.leg.model.CcacheArtifact;
import dev.strata.domain.run.api.BuildArg;
import dev.strata.domain.run.api.BuildInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one planned leg around the driver: the builder-base check first (DOMAIN.md 6.4: a missing
 * base fails the leg at once and nothing is built), then the ccache restore, the build and push,
 * the ccache save (only when the run writes caches), and the recorded inputs with ccache hits.
 */
public final class LegBuilder {
  /** The failing step named when a builder base is missing. */
  public static final String BASE_CHECK = "check builder base";

  private final BuildDriver driver;
  private final ImageRegistry registry;
  private final CacheMountCarrier ccache;

  public LegBuilder(BuildDriver driver, ImageRegistry registry, CacheMountCarrier ccache) {
    this.driver = driver;
    this.registry = registry;
    this.ccache = ccache;
  }

  /**
   * Builds {@code plan} in {@code checkout}.
   *
   * @param contextDigest the digest of the build context (e.g. its git tree), "" when unknown
   */
  public LegBuild build(BuildPlan plan, Path checkout, String contextDigest, BuildListener listener)
      throws BuildException, InterruptedException {
    checkBuilderBase(plan, listener);
    String toolImage = plan.buildArg("BASE_IMAGE").orElse("");
    Optional<CcacheArtifact> mount = plan.ccache().filter(a -> !toolImage.isEmpty());
    String key = mount.map(a -> builderKey(plan, checkout, a)).orElse("");
    if (mount.isPresent()) {
      ccache.restore(mount.get(), key, toolImage, listener);
    }
    BuildOutcome outcome = driver.build(plan, checkout, listener);
    if (mount.isPresent() && mount.get().save() && ranACacheMountStep(outcome)) {
      ccache.save(mount.get(), key, toolImage, listener);
    } else if (mount.isPresent() && mount.get().save()) {
      listener.line("strata: no step with a cache mount ran; the saved cache mount is current");
    }
    long hits = CcacheStats.hits(outcome.stepOutput()).orElse(-1);
    BuildInputs inputs =
        new BuildInputs(
            plan.buildArgs().stream().map(a -> new BuildArg(a.name(), a.value())).toList(),
            toolImage,
            plan.builderBaseImage().map(ImageRef::toString).orElse(""),
            fileDigest(checkout.resolve(plan.dockerfile())),
            contextDigest,
            driver.describe(),
            plan.ccache().map(CcacheArtifact::mountId).orElse(""),
            hits);
    return new LegBuild(outcome, inputs);
  }

  /**
   * Whether a step with a cache mount executed (a cache mount only changes when such a step runs; a
   * fully cached build leaves it as restored, so saving it again is skipped).
   */
  static boolean ranACacheMountStep(BuildOutcome outcome) {
    return outcome.steps().steps().stream()
        .anyMatch(s -> !s.cached() && s.name().contains("--mount=type=cache"));
  }

  private String builderKey(BuildPlan plan, Path checkout, CcacheArtifact artifact) {
    Map<String, String> vars = new HashMap<>();
    plan.buildArgs().forEach(a -> vars.put(a.name(), a.value()));
    String[] platform = plan.platform().split("/");
    vars.put("TARGETOS", platform[0]);
    vars.put("TARGETARCH", platform.length > 1 ? platform[1] : "");
    String dockerfile;
    try {
      dockerfile = Files.readString(checkout.resolve(plan.dockerfile()));
    } catch (IOException e) {
      return artifact.mountId();
    }
    return CacheMountIds.builderKey(
        dockerfile, artifact.mountId(), vars, driver.expandsMountVariables());
  }

  private void checkBuilderBase(BuildPlan plan, BuildListener listener) throws BuildException {
    if (plan.builderBaseImage().isEmpty()) {
      return;
    }
    ImageRef base = plan.builderBaseImage().get();
    long start = System.nanoTime();
    try {
      if (registry.resolve(base).isEmpty()) {
        String reason =
            "base image "
                + base
                + " not found in the registry; build the bases first (strata bases build)";
        listener.line("strata: " + reason);
        throw new BuildException(BASE_CHECK, reason, List.of("strata: " + reason));
      }
    } catch (RegistryException e) {
      throw new BuildException(
          BASE_CHECK,
          "Tried to check builder base " + base + " but failed because: " + e.getMessage(),
          List.of(),
          e.isTransient(),
          e);
    } finally {
      listener.phase("base check", Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** {@code sha256:<hex>} of a file's content, or "" when it cannot be read. */
  static String fileDigest(Path file) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return "sha256:" + HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      return "";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
