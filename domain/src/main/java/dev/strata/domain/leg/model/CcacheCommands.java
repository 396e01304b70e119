package dev.strata.domain.leg.model;

import dev.strata.domain.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Carrying a BuildKit cache mount between builders (DOMAIN.md 15.7). BuildKit exports no cache
 * mount to a registry, so two tiny builds move the mount's files in and out of the engine:
 *
 * <ul>
 *   <li>restore: a build whose context holds {@value #ARCHIVE} (the artifact's tar) and whose one
 *       RUN extracts it into the mount: {@code RUN --mount=type=cache,id=<id>,target=/cache,
 *       sharing=locked --mount=type=bind,source=ccache.tar,target=/seed.tar tar -C /cache -xf
 *       /seed.tar};
 *   <li>save: a build that tars the mount into {@code /out} and copies it into a {@code FROM
 *       scratch} stage, exported with {@code --output type=local,dest=<dir>}.
 * </ul>
 *
 * The mount is named by the builder's key for it: the expanded id where the builder expands mount
 * options, the id text as the Dockerfile writes it ({@code llama-cpp-ccache-${TARGETARCH}-...})
 * where it does not (dockerd 20.10).
 *
 * <p>Both take a build-arg {@value #NONCE_ARG} that changes every time, so their RUN is never
 * served from the engine's cache: a cached step would skip the copy. The tool image (which needs
 * {@code tar} and {@code sh}) is the leg's {@code BASE_IMAGE}, which the engine has or can pull
 * anyway.
 */
public final class CcacheCommands {
  /** The archive file name in the restore context and the save output. */
  public static final String ARCHIVE = "ccache.tar";

  /** The build-arg that keeps the restore and save steps from being cached. */
  public static final String NONCE_ARG = "STRATA_NONCE";

  private static final Pattern MOUNT_ID = Pattern.compile("[A-Za-z0-9${][A-Za-z0-9._${}-]{0,199}");

  private CcacheCommands() {}

  /** The restore Dockerfile for the mount keyed {@code mountId}, run on {@code toolImage}. */
  public static String restoreDockerfile(String mountId, String toolImage) {
    return "FROM "
        + tool(toolImage)
        + " AS restore\n"
        + "ARG "
        + NONCE_ARG
        + "\n"
        + "RUN "
        + cacheMount(mountId)
        + " --mount=type=bind,source="
        + ARCHIVE
        + ",target=/seed.tar"
        + " mkdir -p /strata && tar -C /cache -xf /seed.tar"
        + " && echo \"$"
        + NONCE_ARG
        + "\" > /strata/restored\n"
        + "FROM scratch\n"
        + "COPY --from=restore /strata/restored /restored\n";
  }

  /** The save Dockerfile for the mount keyed {@code mountId}, run on {@code toolImage}. */
  public static String saveDockerfile(String mountId, String toolImage) {
    return "FROM "
        + tool(toolImage)
        + " AS pack\n"
        + "ARG "
        + NONCE_ARG
        + "\n"
        + "RUN "
        + cacheMount(mountId)
        + " mkdir -p /out && tar -C /cache -cf /out/"
        + ARCHIVE
        + " . && echo \"$"
        + NONCE_ARG
        + "\" > /out/nonce\n"
        + "FROM scratch\n"
        + "COPY --from=pack /out/"
        + ARCHIVE
        + " /"
        + ARCHIVE
        + "\n";
  }

  /**
   * The restore or save build on the engine: {@code <docker> build --progress=plain --build-arg
   * STRATA_NONCE=<nonce> --output type=local,dest=<outDir> <contextDir>} with {@code
   * DOCKER_BUILDKIT=1}; the Dockerfile is {@code <contextDir>/Dockerfile}.
   */
  public static BuildInvocation build(
      String docker, String nonce, String outDir, String contextDir) {
    Values.required(docker, "docker client");
    return build(List.of(docker, "build", "--progress=plain"), nonce, outDir, contextDir);
  }

  /**
   * The same build with another build command, e.g. {@code [docker, buildx, build,
   * --progress=plain]} so the copy runs in the builder that owns the mount.
   */
  public static BuildInvocation build(
      List<String> buildCommand, String nonce, String outDir, String contextDir) {
    Values.required(buildCommand, "build command");
    Values.required(nonce, "nonce");
    Values.required(outDir, "output directory");
    Values.required(contextDir, "context directory");
    List<String> argv = new ArrayList<>(buildCommand);
    argv.addAll(List.of("--build-arg", new BuildArg(NONCE_ARG, nonce).toString()));
    argv.addAll(List.of("--output", "type=local,dest=" + outDir, contextDir));
    return new BuildInvocation(argv, EngineCommands.BUILDKIT_ENV);
  }

  private static String cacheMount(String mountId) {
    Values.matching(
        mountId,
        MOUNT_ID,
        "cache mount key",
        "[A-Za-z0-9._-] and ${...}, e.g. \"llama-cpp-ccache-amd64-\"");
    return "--mount=type=cache,id=" + mountId + ",target=/cache,sharing=locked";
  }

  private static String tool(String toolImage) {
    Values.required(toolImage, "tool image");
    if (toolImage.isBlank() || toolImage.contains(" ") || toolImage.contains("\n")) {
      throw new IllegalArgumentException(
          "Invalid tool image "
              + Values.quote(toolImage)
              + ": expected an image reference with tar and sh, e.g. \"ubuntu:24.04\"");
    }
    return toolImage;
  }
}
