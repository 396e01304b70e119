package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import dev.strata.domain.cache.api.IsoWeek;
import dev.strata.domain.matrix.api.LinuxEntry;
import java.util.List;

/**
 * The build-args of a Linux backend leg, in LocalAI's order (DOMAIN.md 4.3; the same list for the
 * push and the PR variant): {@code BUILD_TYPE}, {@code SKIP_DRIVERS}, {@code CUDA_MAJOR_VERSION},
 * {@code CUDA_MINOR_VERSION}, {@code BASE_IMAGE}, {@code BACKEND}, {@code UBUNTU_VERSION}, {@code
 * AMDGPU_TARGETS}, {@code APT_MIRROR}, {@code APT_PORTS_MIRROR}, {@code DEPS_REFRESH}, {@code
 * BUILDER_BASE_IMAGE}, {@code BUILDER_TARGET}. {@code TARGETARCH} is never passed: BuildKit derives
 * it from the platform.
 *
 * <p>Entry fields are passed as written ("" when absent), the way LocalAI's callers pass {@code ${{
 * matrix.<field> }}} explicitly; only {@code amdgpu-targets} falls back to a default list.
 */
public final class LegBuildArgs {
  private LegBuildArgs() {}

  /**
   * What a leg's build-args need besides the entry.
   *
   * @param aptMirror the mirrors of the leg's runner class ({@link AptMirrorPolicy})
   * @param depsRefresh the week key of the job start ({@code DEPS_REFRESH})
   * @param defaultAmdgpuTargets the list passed when the entry has no {@code amdgpu-targets}
   *     (profile data; LocalAI's is {@code gfx908,gfx90a,...,gfx1201})
   */
  public record Context(AptMirror aptMirror, IsoWeek depsRefresh, String defaultAmdgpuTargets) {
    public Context {
      Values.required(aptMirror, "APT mirror");
      Values.required(depsRefresh, "DEPS_REFRESH week key");
      Values.required(defaultAmdgpuTargets, "default amdgpu-targets");
    }
  }

  /** The ordered build-args of {@code entry}'s leg. */
  public static List<BuildArg> of(LinuxEntry entry, Context ctx) {
    Values.required(entry, "matrix entry");
    Values.required(ctx, "build-arg context");
    String builderBase = entry.builderBaseImage();
    return List.of(
        new BuildArg("BUILD_TYPE", entry.buildType()),
        new BuildArg("SKIP_DRIVERS", entry.string("skip-drivers")),
        new BuildArg("CUDA_MAJOR_VERSION", entry.string("cuda-major-version")),
        new BuildArg("CUDA_MINOR_VERSION", entry.string("cuda-minor-version")),
        new BuildArg("BASE_IMAGE", entry.baseImage()),
        new BuildArg("BACKEND", entry.backend()),
        new BuildArg("UBUNTU_VERSION", entry.string("ubuntu-version")),
        new BuildArg(
            "AMDGPU_TARGETS",
            entry.has("amdgpu-targets")
                ? entry.string("amdgpu-targets")
                : ctx.defaultAmdgpuTargets()),
        new BuildArg("APT_MIRROR", ctx.aptMirror().mirror()),
        new BuildArg("APT_PORTS_MIRROR", ctx.aptMirror().portsMirror()),
        new BuildArg("DEPS_REFRESH", ctx.depsRefresh().value()),
        new BuildArg("BUILDER_BASE_IMAGE", builderBase),
        new BuildArg("BUILDER_TARGET", BuilderTarget.of(builderBase).stage()));
  }
}
