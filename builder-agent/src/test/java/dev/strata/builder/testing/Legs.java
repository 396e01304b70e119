package dev.strata.builder.testing;

import dev.strata.domain.cache.model.CcacheMounts;
import dev.strata.domain.cache.model.WeekKeyStyle;
import dev.strata.domain.image.api.TagSuffix;
import dev.strata.domain.image.model.ImageNaming;
import dev.strata.domain.leg.api.RunnerClass;
import dev.strata.domain.leg.model.AptMirror;
import dev.strata.domain.leg.model.AptMirrorPolicy;
import dev.strata.domain.leg.model.BuildPlan;
import dev.strata.domain.leg.model.BuildPlanner;
import dev.strata.domain.leg.model.LegProfile;
import dev.strata.domain.leg.model.LegRequest;
import dev.strata.domain.leg.model.RootImageProfile;
import dev.strata.domain.matrix.api.LinuxEntry;
import dev.strata.domain.matrix.api.Scalar;
import dev.strata.domain.trigger.api.CommitSha;
import dev.strata.domain.trigger.api.Repository;
import dev.strata.domain.trigger.api.RunId;
import dev.strata.domain.trigger.api.Trigger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fixture's matrix entries and a profile naming repositories in one registry namespace. */
public final class Legs {
  public static final Repository REPO = Repository.parse("strata-it/fixture");
  public static final Instant WEEK_48 = Instant.parse("2026-11-28T10:00:00Z");
  public static final Instant WEEK_49 = Instant.parse("2026-12-01T10:00:00Z");
  public static final Instant CREATED = Instant.parse("2026-11-27T09:00:00Z");

  private Legs() {}

  /**
   * Cache {@code <ns>/cache}, publish {@code <ns>/backends-a} and {@code -b}, PR {@code ci-tests}.
   */
  public static ImageNaming naming(String ns) {
    return ImageNaming.of(
        ns + "/cache", List.of(ns + "/backends-a", ns + "/backends-b"), ns + "/ci-tests");
  }

  public static LegProfile profile(String ns) {
    return new LegProfile(
        naming(ns),
        new AptMirrorPolicy(
            Set.of(RunnerClass.of("ubuntu-latest")),
            new AptMirror("http://deb.debian.org/debian", ""),
            new AptMirror("", "")),
        WeekKeyStyle.ISO,
        "gfx908,gfx90a",
        new CcacheMounts(Set.of("llama-cpp")),
        "https://github.com");
  }

  public static LinuxEntry tinypy() {
    return entry(
        "build-type", "",
        "cuda-major-version", "",
        "cuda-minor-version", "",
        "platforms", "linux/amd64",
        "platform-tag", "amd64",
        "tag-latest", "auto",
        "tag-suffix", "-cpu-tinypy",
        "runs-on", "ubuntu-latest",
        "base-image", FixtureRepo.BASE_IMAGE,
        "skip-drivers", "false",
        "backend", "tinypy",
        "dockerfile", "./backend/Dockerfile.python",
        "context", "./",
        "ubuntu-version", "2404");
  }

  public static LinuxEntry llamaCpp(String ns) {
    return entry(
        "build-type", "",
        "cuda-major-version", "",
        "cuda-minor-version", "",
        "platforms", "linux/amd64",
        "tag-latest", "auto",
        "tag-suffix", "-cpu-llama-cpp",
        "runs-on", "ubuntu-latest",
        "base-image", FixtureRepo.BASE_IMAGE,
        "builder-base-image", ns + "/cache:base-grpc-amd64",
        "skip-drivers", "false",
        "backend", "llama-cpp",
        "dockerfile", "./backend/Dockerfile.llama-cpp",
        "context", "./",
        "ubuntu-version", "2404");
  }

  /** Root image legs of pipeline {@code root-image}: {@code <ns>/local-ai} and {@code -b}. */
  public static RootImageProfile rootImage(String ns) {
    return new RootImageProfile(
        "root-image",
        ImageNaming.of(ns + "/cache", List.of(ns + "/local-ai", ns + "/localai"), ns + "/ci-tests"),
        "localai",
        TagSuffix.of("-core"),
        "./Dockerfile",
        ".",
        Map.of("makeflags", "--jobs=4 --output-sync=target", "ubuntu-codename", "noble"));
  }

  /** The core image's amd64 root leg (no tag-suffix, no backend, no dockerfile field). */
  public static LinuxEntry coreAmd64() {
    return entry(
        "build-type", "",
        "platforms", "linux/amd64",
        "platform-tag", "amd64",
        "tag-suffix", "",
        "base-image", FixtureRepo.BASE_IMAGE,
        "runs-on", "ubuntu-latest");
  }

  public static Trigger push(CommitSha sha) {
    return Trigger.push(REPO, "master", CommitSha.ZERO, sha, false);
  }

  public static Trigger pullRequest(CommitSha sha, boolean fork) {
    return Trigger.pullRequest(REPO, 7, sha, sha, sha, fork);
  }

  public static BuildPlan plan(
      String ns, RunId run, Trigger trigger, LinuxEntry entry, Instant jobStart) {
    return BuildPlanner.plan(profile(ns), new LegRequest(run, trigger, entry, jobStart, CREATED));
  }

  /** A profile file for {@code ns} with one builder base, {@code base-grpc-amd64}. */
  public static String profileYaml(String ns) {
    return "profile: strata-it\n"
        + "registries:\n"
        + "  ciCache: "
        + ns
        + "/cache\n"
        + "  publish: ["
        + ns
        + "/backends-a, "
        + ns
        + "/backends-b]\n"
        + "  pullRequest: "
        + ns
        + "/ci-tests\n"
        + "builder:\n"
        + "  weekKey: iso\n"
        + "  ccacheBackends: [llama-cpp]\n"
        + "  bases:\n"
        + "    dockerfile: backend/Dockerfile.base-grpc-builder\n"
        + "    context: ./\n"
        + "    variants:\n"
        + "      - tag: base-grpc-amd64\n"
        + "        runsOn: ubuntu-latest\n"
        + "        baseImage: \""
        + FixtureRepo.BASE_IMAGE
        + "\"\n"
        + "        ubuntuVersion: \"2404\"\n";
  }

  static LinuxEntry entry(String... kv) {
    Map<String, Scalar> f = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      f.put(kv[i], Scalar.string(kv[i + 1]));
    }
    return new LinuxEntry(f);
  }
}
